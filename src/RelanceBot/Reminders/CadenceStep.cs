namespace RelanceBot.Reminders;

/// <summary>
/// One step of a cadence: on local day <c>due date + OffsetDays</c>, do <see cref="Action"/>.
/// <see cref="Name"/> identifies the step within the policy: an invoice runs each named step at most once.
/// </summary>
/// <param name="Template">The message template (<c>Reminders/Templates/{lang}/{Template}.{sms|email}.liquid</c>);
/// null for steps that send nothing to the patient.</param>
public sealed record CadenceStep(
    string Name,
    int OffsetDays,
    StepAction Action,
    ReminderTone Tone,
    ChannelPreference Channel,
    string? Template)
{
    /// <summary>Whether the step ends in a message to the patient (directly or once approved).</summary>
    public bool SendsMessage => Action is StepAction.Message or StepAction.ApprovalRequest;

    /// <summary>Legal steps and hand-offs are never proposed for an amount below the practice minimum.</summary>
    public bool IsLegal => Action is StepAction.ApprovalRequest or StepAction.HandOff || Tone == ReminderTone.Legal;
}
