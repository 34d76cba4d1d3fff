namespace RelanceBot.Payments;

/// <summary>
/// Tells a patient something about a payment. Called before the caller saves, so an implementation backed by the
/// outbox joins the caller's unit of work: the message exists exactly when the change that caused it does.
/// </summary>
public interface IPatientNotifier
{
    void Notify(PatientNotice notice);
}
