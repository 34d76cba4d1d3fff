namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Records a promised payment date and holds the reminders until then. The payments work implements it with its
/// <c>DeferPayment</c> use case; until then <see cref="PausingPaymentDeferrals"/> stands in.
/// </summary>
public interface IPaymentDeferrals
{
    /// <summary>Adds the change to the caller's unit of work (saved with the turn).</summary>
    Task DeferAsync(PaymentDeferral deferral, CancellationToken cancellationToken);
}
