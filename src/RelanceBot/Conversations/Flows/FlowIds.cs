using RelanceBot.Understanding;

namespace RelanceBot.Conversations.Flows;

/// <summary>Dialog ids, as stored in conversation states: renaming one strands the conversations inside it.</summary>
public static class FlowIds
{
    public const string Menu = "menu";
    public const string PayNow = "pay-now";
    public const string Installments = "installments";
    public const string Defer = "defer";
    public const string AlreadyPaid = "already-paid";
    public const string Dispute = "dispute";
    public const string Hardship = "hardship";
    public const string InvoiceDetails = "invoice-details";
    public const string TalkToHuman = "talk-to-human";
    public const string Stop = "stop";
    public const string Identity = "identity";
    public const string ConfirmIntent = "confirm-intent";

    public const string TextPrompt = "text";
    public const string ChoicePrompt = "choice";
    public const string ConfirmPrompt = "confirm";
    public const string PaymentDatePrompt = "payment-date";
    public const string BirthDatePrompt = "birth-date";
    public const string PhonePrompt = "phone";

    public static string For(Intent intent) => intent switch
    {
        Intent.PayNow => PayNow,
        Intent.Installments => Installments,
        Intent.Defer => Defer,
        Intent.AlreadyPaid => AlreadyPaid,
        Intent.Dispute => Dispute,
        Intent.Hardship => Hardship,
        Intent.InvoiceDetails => InvoiceDetails,
        Intent.TalkToHuman => TalkToHuman,
        Intent.Stop => Stop,
        _ => Menu,
    };

    /// <summary>Flows that record something (a plan request, a deferral, a dispute, a pause, an opt-out, a staff call).</summary>
    public static bool ChangesData(string flowId)
        => flowId is Installments or Defer or AlreadyPaid or Dispute or Hardship or TalkToHuman or Stop;

    /// <summary>Flows that work without knowing the patient: anything else waits for a link or the identity check.</summary>
    public static bool NeedsPatient(string flowId) => flowId is not (TalkToHuman or Stop);
}
