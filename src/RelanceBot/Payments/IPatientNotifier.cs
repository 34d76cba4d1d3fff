namespace RelanceBot.Payments;

/// <summary>
/// Tells a patient something about a payment. Called before the caller saves, so the message joins the caller's unit
/// of work: it exists exactly when the change that caused it does.
/// </summary>
public interface IPatientNotifier
{
    Task NotifyAsync(PatientNotice notice, CancellationToken cancellationToken);
}
