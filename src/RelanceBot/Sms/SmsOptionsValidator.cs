using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RelanceBot.Sms;

/// <summary>A Twilio provider without an account, a token or a sender fails at start, not at the first reminder.</summary>
internal sealed partial class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        if (options.Provider != SmsProvider.Twilio)
        {
            return ValidateOptionsResult.Success;
        }

        var twilio = options.Twilio;
        var errors = new List<string>();
        if (!AccountSid().IsMatch(twilio.AccountSid))
        {
            errors.Add("Sms:Twilio:AccountSid must be an account SID (AC followed by 32 hexadecimal digits).");
        }

        if (string.IsNullOrWhiteSpace(twilio.AuthToken))
        {
            errors.Add("Sms:Twilio:AuthToken is required: it signs the inbound webhooks.");
        }

        if (string.IsNullOrWhiteSpace(twilio.FromNumber) && string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
        {
            errors.Add("Sms:Twilio:FromNumber or Sms:Twilio:MessagingServiceSid is required.");
        }

        if (string.IsNullOrWhiteSpace(twilio.ApiKeySid) != string.IsNullOrWhiteSpace(twilio.ApiKeySecret))
        {
            errors.Add("Sms:Twilio:ApiKeySid and Sms:Twilio:ApiKeySecret go together.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSid();
}
