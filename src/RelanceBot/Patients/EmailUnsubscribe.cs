using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RelanceBot.Payments;

namespace RelanceBot.Patients;

/// <summary>
/// The one-click unsubscribe links of e-mail reminders (RFC 8058): <c>/unsubscribe/{token}</c>, the token naming one
/// e-mail channel, protected by ASP.NET Core Data Protection so it cannot be forged or pointed at another patient.
/// </summary>
public sealed class EmailUnsubscribe(IDataProtectionProvider protection, IOptions<PaymentsOptions> payments)
{
    public const string PathPrefix = "/unsubscribe/";

    private readonly IDataProtector _protector = protection.CreateProtector("RelanceBot.Patients.EmailUnsubscribe.v1");

    public string LinkFor(Guid emailChannelId) =>
        new Uri(payments.Value.PublicBaseUrl, PathPrefix + _protector.Protect(emailChannelId.ToString("N"))).AbsoluteUri;

    /// <summary>The channel the token names; null for anything not issued here.</summary>
    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var channelId) ? channelId : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
