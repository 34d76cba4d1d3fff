using Microsoft.Extensions.Options;

namespace RelanceBot.Outbox;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{nameof(OutboxOptions.MaxRetryDelay)} must not be shorter than {nameof(OutboxOptions.RetryBaseDelay)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
