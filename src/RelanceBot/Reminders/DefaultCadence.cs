namespace RelanceBot.Reminders;

/// <summary>
/// The cadence French practice guides agree on: start early, rise step by step from courteous to formal to firm,
/// alternate channels, and bring the practitioner in before any legal step.
/// </summary>
public static class DefaultCadence
{
    public static IReadOnlyList<CadenceStep> Steps { get; } =
    [
        // Only for invoices imported before their due date (see CadencePlanner).
        new("friendly-notice", -5, StepAction.Message, ReminderTone.Courteous, ChannelPreference.Preferred, "friendly-notice"),
        new("courteous-1", 1, StepAction.Message, ReminderTone.Courteous, ChannelPreference.Preferred, "courteous-1"),
        new("courteous-2", 7, StepAction.Message, ReminderTone.Courteous, ChannelPreference.Alternate, "courteous-2"),
        new("formal", 15, StepAction.Message, ReminderTone.Formal, ChannelPreference.Preferred, "formal"),
        new("firm", 30, StepAction.Message, ReminderTone.Firm, ChannelPreference.Alternate, "firm"),
        new("escalation", 30, StepAction.PractitionerAlert, ReminderTone.Firm, ChannelPreference.Preferred, null),
        new("formal-notice", 45, StepAction.ApprovalRequest, ReminderTone.Legal, ChannelPreference.Email, "formal-notice"),
        new("collection-hand-off", 60, StepAction.HandOff, ReminderTone.Legal, ChannelPreference.Preferred, null),
    ];
}
