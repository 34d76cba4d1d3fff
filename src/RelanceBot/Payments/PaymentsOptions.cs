using System.ComponentModel.DataAnnotations;
using RelanceBot.Payments.Stripe;

namespace RelanceBot.Payments;

public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    /// <summary>Where patients reach the bot: pay links and Checkout return pages are built on it.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:3978");

    [Required]
    public StripeOptions Stripe { get; set; } = new();
}
