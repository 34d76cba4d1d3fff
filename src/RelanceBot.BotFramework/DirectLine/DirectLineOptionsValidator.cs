using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>Fails startup on a weak secret or an unusable signing key, rather than on the first patient's chat.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public const int MinimumSecretLength = 32;
    public const int MinimumSigningKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Secret) && options.Secret.Trim().Length < MinimumSecretLength)
        {
            failures.Add($"DirectLine:Secret must be at least {MinimumSecretLength} characters (or empty to disable secret access).");
        }

        if (!string.IsNullOrEmpty(options.SigningKey) && SigningKeyBytes(options.SigningKey) is not { Length: >= MinimumSigningKeyBytes })
        {
            failures.Add($"DirectLine:SigningKey must be base64 of at least {MinimumSigningKeyBytes} bytes (or empty to make one at start).");
        }

        if (options.ConversationIdleTimeout < options.TokenLifetime)
        {
            failures.Add("DirectLine:ConversationIdleTimeout must not be shorter than DirectLine:TokenLifetime: a fresh token would outlive its conversation.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static byte[]? SigningKeyBytes(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
