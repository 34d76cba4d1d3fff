using System.Globalization;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// The shape and age of <c>Stripe-Signature</c> (<c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=…][,v0=…]</c>),
/// checked before Stripe.net sees it: Stripe.net parses and converts the timestamp with no guard, so a correctly
/// signed <c>t=</c> beyond a 64-bit integer, negative or near year 9999 made it throw (overflow, out of range: a 500
/// that Stripe would retry for days).
/// </summary>
public static class StripeSignatureHeader
{
    /// <summary>Several <c>v1</c> appear while a secret is rolled; a real header has a handful of items.</summary>
    private const int MaxItems = 16;

    /// <summary>Why the header cannot be Stripe's, or null when its signature is worth computing.</summary>
    /// <param name="tolerance">How far from <paramref name="now"/> the signing time may be, both ways (seconds).</param>
    public static string? Problem(string header, long now, long tolerance)
    {
        ArgumentNullException.ThrowIfNull(header);
        var items = header.Split(',');
        if (items.Length > MaxItems)
        {
            return "too many items";
        }

        long? signedAt = null;
        var signatures = 0;
        foreach (var item in items)
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return "an item is not key=value";
            }

            var value = item.AsSpan(separator + 1);
            switch (item[..separator])
            {
                case "t" when signedAt is null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                    signedAt = seconds;
                    break;
                case "t":
                    return "the timestamp is not one number of seconds";
                case "v1" when value.Length > 0:
                    signatures++;
                    break;
            }
        }

        // Both are non-negative, so the difference cannot overflow.
        return signedAt is not { } timestamp || signatures == 0 ? "no timestamp or no v1 signature"
            : Math.Abs(now - timestamp) > tolerance ? "the timestamp is outside the tolerance"
            : null;
    }
}
