using System.Globalization;
using System.Text;
using RelanceBot.Conversations.Messages;
using RelanceBot.Payments;

namespace RelanceBot.PatientSpace;

/// <summary>
/// Writes the patient space's HTML: one small document, mobile first, real labels, no third-party resource (the
/// styles and scripts come from the bot's own <c>/assets</c>). Every text is encoded; nothing here knows the domain.
/// </summary>
public sealed class SpaceHtml(PatientSpaceTexts texts, BotLanguage language)
{
    private readonly StringBuilder _html = new();

    public BotLanguage Language => language;

    public string T(string key, params (string Name, string Value)[] values) => texts[language, key, values];

    public static string Encode(string text) => PayPages.Encoder.Encode(text);

    public SpaceHtml Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public SpaceHtml Text(string text)
    {
        _html.Append(Encode(text));
        return this;
    }

    /// <summary>An element with encoded text content: <c>&lt;p class="x"&gt;text&lt;/p&gt;</c>.</summary>
    public SpaceHtml Element(string tag, string text, string? attributes = null)
    {
        _html.Append('<').Append(tag);
        if (attributes is not null)
        {
            _html.Append(' ').Append(attributes);
        }

        _html.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A POST form of the space with its antiforgery token and the page's language.</summary>
    public SpaceHtml FormStart(string action, string antiforgeryField, string antiforgeryToken, string method = "post")
    {
        _html.Append(CultureInfo.InvariantCulture, $"<form method=\"{method}\" action=\"{Encode(action)}\">");
        if (method == "post")
        {
            Hidden(antiforgeryField, antiforgeryToken);
        }

        return Hidden("lang", language.Code());
    }

    public SpaceHtml Hidden(string name, string value)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">");
        return this;
    }

    public SpaceHtml Submit(string text, string? value = null, string name = "choice", string css = "")
    {
        var valueAttribute = value is null ? "" : $" name=\"{name}\" value=\"{Encode(value)}\"";
        _html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\"{valueAttribute}{(css.Length > 0 ? $" class=\"{css}\"" : "")}>{Encode(text)}</button>");
        return this;
    }

    public SpaceHtml Field(string id, string label, string input)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{Encode(label)}</label>").Append(input);
        return this;
    }

    public SpaceHtml Radio(string name, string id, string value, string label, bool isChecked = false)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<div class=\"choice\"><input type=\"radio\" name=\"{name}\" id=\"{id}\" value=\"{Encode(value)}\"{(isChecked ? " checked" : "")} required>")
            .Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{Encode(label)}</label></div>");
        return this;
    }

    /// <summary>The whole document around what was written.</summary>
    public IResult Page(int statusCode, string title, string? languageSwitchHref = null, bool withScript = false)
    {
        var head = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(language.Code()).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><link rel=\"icon\" href=\"data:,\">")
            .Append("<title>").Append(Encode(title)).Append("</title><link rel=\"stylesheet\" href=\"/assets/patient-space.css\">");
        if (withScript)
        {
            head.Append("<script src=\"/assets/patient-space.js\" defer></script>");
        }

        head.Append("</head><body><div class=\"page\">");
        if (languageSwitchHref is not null)
        {
            var other = T("other-language-code");
            head.Append(CultureInfo.InvariantCulture, $"<nav class=\"lang\"><a href=\"{Encode(languageSwitchHref)}\" hreflang=\"{other}\" lang=\"{other}\">{Encode(T("other-language"))}</a></nav>");
        }

        var html = head.Append(_html).Append("</div></body></html>").ToString();
        return new SpaceResult(statusCode, html);
    }

    /// <summary>HTML with the headers every page of the space carries: no caching of a patient's data, no framing, own resources only.</summary>
    private sealed class SpaceResult(int statusCode, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src 'self' https://*.botframework.com wss://*.botframework.com; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
            return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode).ExecuteAsync(httpContext);
        }
    }
}
