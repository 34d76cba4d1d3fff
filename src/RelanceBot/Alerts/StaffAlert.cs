using RelanceBot.Auditing;

namespace RelanceBot.Alerts;

/// <summary>
/// Something only a person at the practice can handle: a dispute to look at, a plan or a mise en demeure to approve, a
/// patient who asked for a call. Shown to staff (Teams cards); its summary never states the nature of the care.
/// </summary>
public sealed class StaffAlert : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid? PatientId { get; private set; }

    /// <summary>The invoice the alert is about; with several (<see cref="InvoiceIds"/>), the first of them.</summary>
    public Guid? InvoiceId { get; private set; }

    /// <summary>
    /// Every invoice the alert covers, when a patient's request or claim names several (one plan request, one "already
    /// paid"): what its card shows and acts on. Empty for an alert about one invoice or none.
    /// </summary>
    public IReadOnlyList<Guid> InvoiceIds { get; private set; } = [];

    public StaffAlertKind Kind { get; private set; }

    /// <summary>Whether staff must approve or reject (a plan, a mise en demeure), rather than just take note.</summary>
    public bool RequiresDecision { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>What the patient wrote, verbatim, when the alert comes from a reply.</summary>
    public string? PatientWords { get; private set; }

    public StaffAlertStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? HandledBy { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>The invoices the alert's actions apply to: its list, or its one invoice, or none.</summary>
    public IReadOnlyList<Guid> CoveredInvoiceIds => InvoiceIds.Count > 0 ? InvoiceIds : InvoiceId is { } invoiceId ? [invoiceId] : [];

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private StaffAlert()
    {
    }

    public static StaffAlert Raise(NewStaffAlert alert, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Summary);
        IReadOnlyList<Guid> invoiceIds = [.. (alert.InvoiceIds ?? []).Distinct()];
        if (invoiceIds.Count > 0 && alert.InvoiceId is not null)
        {
            throw new ArgumentException("An alert names one invoice or a list of them, not both.", nameof(alert));
        }

        return new StaffAlert
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = alert.PracticeId,
            PatientId = alert.PatientId,
            InvoiceId = alert.InvoiceId ?? (invoiceIds.Count > 0 ? invoiceIds[0] : null),
            InvoiceIds = invoiceIds.Count > 1 ? invoiceIds : [],
            Kind = alert.Kind,
            RequiresDecision = alert.RequiresDecision,
            Summary = alert.Summary,
            PatientWords = alert.PatientWords,
            Status = StaffAlertStatus.Open,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Records what a staff member did. Returns false, changing nothing, when the alert was already handled: a second
    /// click on a card is harmless.
    /// </summary>
    public bool Resolve(StaffAlertStatus outcome, string handledBy, string? resolution, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(handledBy);
        if (outcome == StaffAlertStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "An alert is resolved to Approved, Rejected or Closed.");
        }

        if (!RequiresDecision && outcome != StaffAlertStatus.Closed)
        {
            throw new InvalidOperationException($"A {Kind} alert needs no decision; it can only be closed.");
        }

        if (Status != StaffAlertStatus.Open)
        {
            return false;
        }

        Status = outcome;
        HandledBy = handledBy;
        HandledAt = now;
        Resolution = resolution;
        return true;
    }
}
