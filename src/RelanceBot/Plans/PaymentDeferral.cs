using RelanceBot.Auditing;

namespace RelanceBot.Plans;

/// <summary>
/// A patient's promise to pay on a date they chose, with their own words and the time (the agreement on record).
/// Reminders pause until then; on that day the patient gets the pay link.
/// </summary>
public sealed class PaymentDeferral : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid PatientId { get; private set; }

    public DateOnly PayOn { get; private set; }

    public string PatientWords { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the patient was sent the link on the agreed day; null until then.</summary>
    public DateTimeOffset? LinkSentAt { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PaymentDeferral()
    {
    }

    public static PaymentDeferral Record(
        Guid practiceId, Guid invoiceId, Guid patientId, DateOnly payOn, string patientWords, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        return new PaymentDeferral
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            InvoiceId = invoiceId,
            PatientId = patientId,
            PayOn = payOn,
            PatientWords = patientWords,
            RecordedAt = now,
        };
    }

    public void MarkLinkSent(DateTimeOffset now) => LinkSentAt ??= now;
}
