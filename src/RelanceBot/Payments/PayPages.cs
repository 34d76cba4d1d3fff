using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RelanceBot.Invoices;

namespace RelanceBot.Payments;

/// <summary>The few pages a patient may see on the bot's host: short, polite, in French, with nothing about the care.</summary>
public static class PayPages
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Encodes markup, not accents: the pages are UTF-8 and French.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult NotFound() => Page(
        StatusCodes.Status404NotFound, "Lien introuvable", "Ce lien de paiement n'existe pas. Vérifiez qu'il est complet, ou contactez votre cabinet.");

    public static IResult Paid(string practiceName, long amountPaidCents) => Page(
        StatusCodes.Status200OK, "Paiement reçu", $"Merci ! {practiceName} a bien reçu votre paiement ({EuroAmount.Format(amountPaidCents, French)}). La facture est réglée.");

    public static IResult Received(string practiceName) => Page(
        StatusCodes.Status200OK, "Paiement enregistré", $"Merci ! Votre paiement à {practiceName} est bien enregistré.");

    public static IResult Pending() => Page(
        StatusCodes.Status200OK, "Paiement en cours", "Merci ! Votre paiement est en cours de confirmation ; vous recevrez un message dès qu'il sera validé.");

    public static IResult Page(int statusCode, string title, string message, string? bodyHtml = null)
    {
        var encoder = Encoder;
        var html = $$"""
            <!doctype html>
            <html lang="fr">
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
