using RelanceBot.Alerts;
using RelanceBot.Practices;

namespace RelanceBot.Teams.Alerts;

/// <summary>Which buttons an alert offers, and who may press them.</summary>
public static class AlertActionPolicy
{
    public const int MaxPauseDays = 90;

    private static readonly AlertVerb[] Decision = [AlertVerb.Approve, AlertVerb.Reject];
    private static readonly AlertVerb[] OnInvoice = [AlertVerb.MarkPaid, AlertVerb.PauseReminders, AlertVerb.NoteCall, AlertVerb.Close];
    private static readonly AlertVerb[] OnDisputedInvoice = [AlertVerb.CancelInvoice, .. OnInvoice];
    private static readonly AlertVerb[] WithoutInvoice = [AlertVerb.NoteCall, AlertVerb.Close];
    private static readonly AlertVerb[] ForInformation = [AlertVerb.Close];
    private static readonly AlertVerb[] InCollection = [AlertVerb.MarkRecovered, AlertVerb.MarkReturned];

    public static IReadOnlyList<AlertVerb> VerbsFor(StaffAlert alert)
        => alert.RequiresDecision ? Decision
            : alert.Kind is StaffAlertKind.InvoicePaid or StaffAlertKind.FormalNoticeLetter ? ForInformation
            : alert.Kind == StaffAlertKind.CollectionInProgress ? InCollection
            : alert.InvoiceId is null ? WithoutInvoice
            : alert.Kind == StaffAlertKind.Dispute ? OnDisputedInvoice
            : OnInvoice;

    /// <summary>A mise en demeure and a hand-off to collection engage the practitioner: nobody else decides them.</summary>
    public static bool IsAllowed(StaffAlert alert, AlertVerb verb, StaffRole role)
        => VerbsFor(alert).Contains(verb)
            && (role == StaffRole.Practitioner || !IsPractitionerDecision(alert.Kind) || !Decision.Contains(verb));

    public static bool IsPractitionerDecision(StaffAlertKind kind)
        => kind is StaffAlertKind.FormalNoticeApproval or StaffAlertKind.CollectionHandOff;
}
