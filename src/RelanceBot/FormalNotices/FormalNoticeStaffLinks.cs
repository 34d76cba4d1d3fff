using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RelanceBot.Payments;

namespace RelanceBot.FormalNotices;

/// <summary>
/// The link behind the Teams card's "download the letter" button: <c>/staff/formal-notices/{token}</c>, the token
/// naming one practice's invoice, protected by ASP.NET Core Data Protection and valid <see cref="Lifetime"/>. Teams
/// opens it in a browser, which cannot send the practice's API key; whoever sees the card can download the letter.
/// </summary>
public sealed class FormalNoticeStaffLinks(IDataProtectionProvider protection, IOptions<PaymentsOptions> payments, TimeProvider time)
{
    public const string PathPrefix = "/staff/formal-notices/";

    /// <summary>Long enough to go to the post office; a card refreshed later carries a fresh link.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("RelanceBot.FormalNotices.StaffLink.v1");

    public string LinkFor(Guid practiceId, Guid invoiceId)
    {
        // The expiry travels inside the protected payload and is checked on the app's clock (TimeProvider), which the
        // time-limited protector, bound to the system clock, would not do.
        var expiresAt = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var token = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{practiceId:N}.{invoiceId:N}.{expiresAt}"));
        return new Uri(payments.Value.PublicBaseUrl, PathPrefix + token).AbsoluteUri;
    }

    /// <summary>The practice and invoice the token names; null when it was not issued here or has expired.</summary>
    public (Guid PracticeId, Guid InvoiceId)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            return parts.Length == 3
                && Guid.TryParseExact(parts[0], "N", out var practiceId)
                && Guid.TryParseExact(parts[1], "N", out var invoiceId)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
                && time.GetUtcNow().ToUnixTimeSeconds() < expiresAt
                ? (practiceId, invoiceId)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
