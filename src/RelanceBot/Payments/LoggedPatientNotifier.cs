namespace RelanceBot.Payments;

/// <summary>
/// Stand-in until the outbox (which delivers patient messages over their channels) is merged: writes down what would
/// be sent, without the link, whose token is a bearer secret.
/// </summary>
public sealed class LoggedPatientNotifier(ILogger<LoggedPatientNotifier> logger) : IPatientNotifier
{
    public void Notify(PatientNotice notice) =>
        logger.LogInformation(
            "Patient notice {Kind} for invoice {InvoiceId} (patient {PatientId}); no sender wired yet",
            notice.Kind, notice.InvoiceId, notice.PatientId);
}
