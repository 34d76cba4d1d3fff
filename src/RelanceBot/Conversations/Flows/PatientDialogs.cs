using Microsoft.Extensions.Options;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Conversations.Messages;
using RelanceBot.Understanding;

namespace RelanceBot.Conversations.Flows;

/// <summary>Every dialog of the patient conversation: the flows and the prompts they share. Built per turn (cheap).</summary>
public sealed class PatientDialogs
{
    public PatientDialogs(
        IEnumerable<IPatientFlow> flows, PatientSession session, IIntentRecognizer recognizer, IOptions<ConversationOptions> options)
    {
        var maxDeferralDays = options.Value.MaxDeferralDays;
        Set = new DialogSet()
            .Add(new TextPrompt(FlowIds.TextPrompt))
            .Add(new ChoicePrompt(FlowIds.ChoicePrompt))
            .Add(new ConfirmPrompt(FlowIds.ConfirmPrompt))
            .Add(new DatePrompt(
                FlowIds.PaymentDatePrompt,
                text => recognizer.Recognize(text, new RecognitionContext(session.Today, session.Language.Code())).PromisedDate,
                date => date <= session.Today ? session.Say("defer-date-past")
                    : date > session.Today.AddDays(maxDeferralDays)
                        ? session.Say("defer-date-too-far", ("latest", session.Date(session.Today.AddDays(maxDeferralDays))))
                        : null))
            .Add(new PhonePrompt(FlowIds.PhonePrompt))
            .Add(new DatePrompt(FlowIds.BirthDatePrompt, text => BirthDates.Parse(text, session.Today)));
        foreach (var flow in flows)
        {
            Set.Add(flow.Dialog);
        }
    }

    public DialogSet Set { get; }
}
