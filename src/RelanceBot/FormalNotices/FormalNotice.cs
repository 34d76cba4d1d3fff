using RelanceBot.Auditing;
using RelanceBot.Patients;

namespace RelanceBot.FormalNotices;

/// <summary>
/// The mise en demeure of one invoice as a letter: which document, its date, the deadline it gives, and when it
/// reached the patient (the e-mail carrying it was delivered). The latest one of an invoice is its record.
/// </summary>
public sealed class FormalNotice : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>SHA-256 of the letter, lower-case hex (a copy of the document's, for the audit trail and the API).</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The date printed on the letter, on the practice's calendar.</summary>
    public DateOnly LetterDate { get; private set; }

    /// <summary>The last day to pay, printed on the letter.</summary>
    public DateOnly PaymentDeadline { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>When the e-mail carrying the letter was delivered; null while it was not (or the patient has no e-mail).</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public ChannelKind? SentChannel { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private FormalNotice()
    {
    }

    public static FormalNotice Issue(
        Guid practiceId, Guid invoiceId, Guid patientId, Guid documentId, string sha256, DateOnly letterDate, DateOnly paymentDeadline, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PracticeId = practiceId,
        InvoiceId = invoiceId,
        PatientId = patientId,
        DocumentId = documentId,
        Sha256 = sha256,
        LetterDate = letterDate,
        PaymentDeadline = paymentDeadline,
        IssuedAt = now,
    };

    /// <summary>Records the first delivery; a later one (a resend) keeps the first date.</summary>
    public void MarkSent(ChannelKind channel, DateTimeOffset at)
    {
        if (SentAt is null)
        {
            SentAt = at;
            SentChannel = channel;
        }
    }
}
