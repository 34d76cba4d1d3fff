namespace RelanceBot.Reminders;

/// <summary>What a cadence step does when it falls due. Stored by name.</summary>
public enum StepAction
{
    /// <summary>Sends the step's template to the patient.</summary>
    Message,

    /// <summary>Tells the practitioner (an Escalation alert); nothing goes to the patient.</summary>
    PractitionerAlert,

    /// <summary>Asks the practitioner to approve the message first (mise en demeure); it is sent once approved.</summary>
    ApprovalRequest,

    /// <summary>Proposes handing the file to a collection service (a CollectionHandOff alert).</summary>
    HandOff,
}
