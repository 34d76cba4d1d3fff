using RelanceBot.Auditing;
using RelanceBot.Persistence;

namespace RelanceBot.Invoices;

/// <summary>An unpaid (or partly paid) patient invoice, identified by the practice's own reference.</summary>
public sealed class Invoice : IAuditable, IConcurrencyVersioned
{
    public const string Euro = "EUR";

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The practice's own invoice number; unique within the practice.</summary>
    public string ExternalReference { get; private set; } = "";

    public long AmountDueCents { get; private set; }

    public long AmountPaidCents { get; private set; }

    /// <summary>ISO 4217 code; always EUR for French practices.</summary>
    public string Currency { get; private set; } = Euro;

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public InvoiceStatus Status { get; private set; }

    /// <summary>
    /// The practice's own note. NEVER shown to patients: it may reveal the nature of care, which medical secrecy
    /// forbids putting in a reminder.
    /// </summary>
    public string? InternalDescription { get; private set; }

    /// <summary>Dépassement d'honoraires: the invoice includes fees above the Sécurité sociale rate.</summary>
    public bool IsFeeOverrun { get; private set; }

    /// <summary>Reminders wait until then (a promised payment date, a claim staff must check…), then resume.</summary>
    public DateTimeOffset? RemindersPausedUntil { get; private set; }

    public ReminderPauseReason? RemindersPauseReason { get; private set; }

    /// <summary>
    /// The last day the patient acknowledged the debt (a plan or a date they accepted, a partial payment): the
    /// limitation clock restarts from it (Code civil art. 2240). Null: the clock runs from <see cref="IssueDate"/>.
    /// </summary>
    public DateOnly? AcknowledgedOn { get; private set; }

    /// <summary>When the practitioner handed the file to a collection service; null while it never was.</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    [NotAudited]
    public Guid Version { get; private set; }

    public long AmountOutstandingCents => AmountDueCents - AmountPaidCents;

    /// <summary>The day the limitation clock runs from: the last acknowledgement, else the issue date.</summary>
    public DateOnly LimitationClockStart => AcknowledgedOn ?? IssueDate;

    /// <summary>Still owed and not settled another way (a dispute, an approved plan, a pause): the cadence goes on.</summary>
    public bool AcceptsRemindersAt(DateTimeOffset now) =>
        Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid
        && (RemindersPausedUntil is null || RemindersPausedUntil <= now);

    /// <summary>Settled, cancelled or disputed: no plan, deferral or charge may go ahead. Null while the debt stands.</summary>
    public InvoiceClosure? Closure => Status switch
    {
        InvoiceStatus.Paid => InvoiceClosure.Settled,
        InvoiceStatus.Cancelled => InvoiceClosure.Cancelled,
        InvoiceStatus.Disputed => InvoiceClosure.Disputed,
        _ => null,
    };

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private Invoice()
    {
    }

    public static Invoice Create(
        Guid practiceId, Guid patientId, string externalReference, InvoiceAmounts amounts, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            PatientId = patientId,
            ExternalReference = externalReference,
            CreatedAt = now,
            UpdatedAt = now,
        };
        invoice.Apply(amounts);
        return invoice;
    }

    /// <summary>
    /// Replaces the billable details and the patient. Returns false, touching nothing, when they are already current.
    /// </summary>
    /// <exception cref="InvoiceCancelledException">The invoice is cancelled.</exception>
    public bool Update(Guid patientId, InvoiceAmounts amounts, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (patientId == PatientId && amounts == CurrentAmounts)
        {
            return false;
        }

        var paidMore = amounts.AmountPaidCents > AmountPaidCents;
        Apply(amounts);
        PatientId = patientId;
        if (paidMore)
        {
            Acknowledge(now);
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>Cancels the invoice: no more reminders. Cancelling again changes nothing.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status == InvoiceStatus.Cancelled)
        {
            return;
        }

        Status = InvoiceStatus.Cancelled;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records money received (card, cheque at the desk…); the invoice is paid once nothing is outstanding. Returns the
    /// part of <paramref name="amountCents"/> beyond what was still owed (a payment arriving after the invoice was
    /// settled another way), which is not counted and is the practice's to refund.
    /// </summary>
    public long RecordPayment(long amountCents, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        EnsureNotCancelled();
        var applied = Math.Min(AmountOutstandingCents, amountCents);
        AmountPaidCents += applied;
        Status = SettledStatus(Status);
        if (applied > 0)
        {
            Acknowledge(now);
        }

        UpdatedAt = now;
        return amountCents - applied;
    }

    /// <summary>Gives money back (a refund): what was paid goes down, and a paid invoice is owed again.</summary>
    public void RecordRefund(long amountCents, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        AmountPaidCents = Math.Max(0, AmountPaidCents - amountCents);
        if (Status != InvoiceStatus.Cancelled)
        {
            Status = SettledStatus(Status);
        }

        UpdatedAt = now;
    }

    /// <summary>The patient contests the invoice: reminders stop until staff resolve it.</summary>
    public void Dispute(DateTimeOffset now) => MoveTo(InvoiceStatus.Disputed, now);

    /// <summary>Staff resolved the dispute in the practice's favour, or the plan was abandoned: the cadence resumes.</summary>
    public void Reopen(DateTimeOffset now) => MoveTo(AmountPaidCents > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Open, now);

    /// <summary>An approved installment plan now carries the debt, with its own reminders.</summary>
    public void PlaceUnderPlan(DateTimeOffset now) => MoveTo(InvoiceStatus.UnderPlan, now);

    /// <summary>
    /// The patient acknowledged the debt (accepted a plan or a date, paid a part): the limitation clock restarts today.
    /// The UTC day: a day's difference is nothing against a two-year period warned about 60 days ahead.
    /// </summary>
    public void Acknowledge(DateTimeOffset now)
    {
        AcknowledgedOn = DateOnly.FromDateTime(now.UtcDateTime);
        UpdatedAt = now;
    }

    /// <summary>
    /// Hands the file to a collection service: reminders stop for good. Only a debt still standing (open, partly
    /// paid, or given back by an earlier service) is handed over; returns false, changing nothing, otherwise.
    /// </summary>
    public bool HandOver(DateTimeOffset now)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid or InvoiceStatus.Returned))
        {
            return false;
        }

        Status = InvoiceStatus.HandedOver;
        HandedOverAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// The collection service recovered the debt, or gave the file back. Only a handed-over invoice changes; returns
    /// false otherwise. A returned invoice is not chased again: the patient was told the file left for collection.
    /// </summary>
    public bool EndCollection(bool recovered, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.HandedOver)
        {
            return false;
        }

        Status = recovered ? InvoiceStatus.Recovered : InvoiceStatus.Returned;
        UpdatedAt = now;
        return true;
    }

    public void PauseReminders(DateTimeOffset until, ReminderPauseReason reason, DateTimeOffset now)
    {
        EnsureNotCancelled();
        RemindersPausedUntil = until;
        RemindersPauseReason = reason;
        UpdatedAt = now;
    }

    public void ResumeReminders(DateTimeOffset now)
    {
        RemindersPausedUntil = null;
        RemindersPauseReason = null;
        UpdatedAt = now;
    }

    private void MoveTo(InvoiceStatus status, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (Status is InvoiceStatus.Paid || Status == status)
        {
            return;
        }

        Status = status;
        UpdatedAt = now;
    }

    private void EnsureNotCancelled()
    {
        if (Status == InvoiceStatus.Cancelled)
        {
            throw new InvoiceCancelledException(ExternalReference);
        }
    }

    /// <summary>Paid when nothing is outstanding; otherwise a dispute, a plan or a collection stays as it is.</summary>
    private InvoiceStatus SettledStatus(InvoiceStatus current) =>
        AmountPaidCents == AmountDueCents ? InvoiceStatus.Paid
        : current is InvoiceStatus.Disputed or InvoiceStatus.UnderPlan
            or InvoiceStatus.HandedOver or InvoiceStatus.Recovered or InvoiceStatus.Returned ? current
        : AmountPaidCents > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;

    private InvoiceAmounts CurrentAmounts =>
        new(AmountDueCents, AmountPaidCents, IssueDate, DueDate, InternalDescription, IsFeeOverrun);

    private void Apply(InvoiceAmounts amounts)
    {
        // Nothing to chase for nothing owed: an amount of zero is an export error, not a paid invoice.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amounts.AmountDueCents, nameof(amounts));
        ArgumentOutOfRangeException.ThrowIfNegative(amounts.AmountPaidCents, nameof(amounts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amounts.AmountPaidCents, amounts.AmountDueCents, nameof(amounts));
        if (amounts.DueDate < amounts.IssueDate)
        {
            throw new ArgumentOutOfRangeException(nameof(amounts), "The due date cannot precede the issue date.");
        }

        AmountDueCents = amounts.AmountDueCents;
        AmountPaidCents = amounts.AmountPaidCents;
        IssueDate = amounts.IssueDate;
        DueDate = amounts.DueDate;
        InternalDescription = amounts.InternalDescription;
        IsFeeOverrun = amounts.IsFeeOverrun;
        Status = SettledStatus(Status);
    }
}
