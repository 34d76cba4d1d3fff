using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>One of the patient conversation's flows; its dialog's id is one of <see cref="FlowIds"/>.</summary>
public interface IPatientFlow
{
    Dialog Dialog { get; }
}
