namespace RelanceBot.Collection;

/// <summary>
/// How long the mise en demeure gives the patient to pay, in days after it was delivered; no hand-off before it ends.
/// </summary>
/// <remarks>To reconcile with the letter's own deadline setting once it exists (one value for both).</remarks>
public static class FormalNoticeDeadline
{
    public const int DefaultPaymentDeadlineDays = 15;
}
