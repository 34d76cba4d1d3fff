using RelanceBot.Conversations.Messages;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RelanceBot.Payments;

/// <summary>
/// The few pages a patient may see on the bot's host: short, polite, in the patient's language
/// (<see cref="PatientNoticeTexts"/>), with nothing about the care.
/// </summary>
public static class PayPages
{
    /// <summary>Encodes markup, not accents: the pages are UTF-8.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>One of the catalog's pages (<c>page-*</c>).</summary>
    public static IResult Page(
        int statusCode, PatientNoticeTexts texts, BotLanguage language, string key, params (string Name, string Value)[] values)
    {
        var (title, text) = texts.Page(language, key, values);
        return Page(statusCode, title, text, language: language);
    }

    public static IResult Page(int statusCode, string title, string message, string? bodyHtml = null, BotLanguage language = BotLanguage.French)
    {
        var encoder = Encoder;
        var html = $$"""
            <!doctype html>
            <html lang="{{language.Code()}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{encoder.Encode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
            button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem .3rem .3rem 0}</style></head>
            <body><h1>{{encoder.Encode(title)}}</h1><p>{{encoder.Encode(message)}}</p>{{bodyHtml}}</body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
