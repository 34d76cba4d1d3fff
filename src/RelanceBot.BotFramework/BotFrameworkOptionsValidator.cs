using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework;

/// <summary>Fails startup on an incomplete identity, so a production misconfiguration never runs open.</summary>
internal sealed class BotFrameworkOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var malformed = options.AnonymousServiceUrls.Where(url => !IsHttpUrl(url)).ToList();
        if (malformed.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"BotFramework:AnonymousServiceUrls must hold absolute http(s) URLs; not: {string.Join(", ", malformed)}.");
        }

        if (options.IsAnonymous)
        {
            return options.AllowAnonymous || environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "MicrosoftAppId is required unless the environment is Development or BotFramework:AllowAnonymous is true "
                    + "(anonymous mode accepts unauthenticated requests and sends no token).");
        }

        var failures = new List<string>();
        switch (options.AppType)
        {
            case BotAppType.SingleTenant:
                RequireValue(options.AppTenantId, "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.", failures);
                RequireValue(options.AppPassword, "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.", failures);
                break;
            case BotAppType.MultiTenant:
                RequireValue(options.AppPassword, "MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.", failures);
                break;
            case BotAppType.UserAssignedMSI:
                break;
            default:
                failures.Add($"MicrosoftAppType '{options.AppType}' is not supported.");
                break;
        }

        if (!options.EntraOpenIdMetadataUrlTemplate.Contains("{tenant}", StringComparison.Ordinal))
        {
            failures.Add("BotFramework:EntraOpenIdMetadataUrlTemplate must contain the {tenant} placeholder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void RequireValue(string? value, string failure, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(failure);
        }
    }
}
