using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>Choices shared by several flows, titled from the message catalog.</summary>
internal static class FlowChoices
{
    public static IReadOnlyList<Choice> YesNo(PatientSession session) =>
    [
        new Choice(ConfirmPrompt.Yes, session.Say("choice-yes")),
        new Choice(ConfirmPrompt.No, session.Say("choice-no")),
    ];

    public static PromptOptions Confirm(PatientSession session, string text)
        => new(text, session.Say("retry-yes-no"), YesNo(session));
}
