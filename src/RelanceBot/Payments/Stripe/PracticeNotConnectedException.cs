namespace RelanceBot.Payments.Stripe;

/// <summary>Payments go to each practice's own Stripe account, and this practice has not connected one yet.</summary>
public sealed class PracticeNotConnectedException(Guid practiceId)
    : InvalidOperationException($"Practice {practiceId} has no connected Stripe account.");
