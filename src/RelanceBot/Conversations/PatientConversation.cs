using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Conversations.Flows;
using RelanceBot.Conversations.Messages;
using RelanceBot.Understanding;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// One patient message: the stored dialog stack is resumed (unless it expired); STOP, help and "parler à quelqu'un"
/// interrupt whatever is running, and a clear request the running question cannot take replaces it; anything else
/// starts the flow its intent calls for, confirmed first when the recogniser was not sure and the flow changes data.
/// The stack, and every change the flows made, are left in the turn's unit of work: <see cref="PatientBot"/> saves
/// them together at the end of the turn, before any reply leaves.
/// </summary>
public sealed class PatientConversation(
    PatientSession session,
    PatientDialogs dialogs,
    FlowRouter router,
    IIntentRecognizer recognizer,
    ConversationStateStore states,
    RelanceBotDbContext db,
    IOptions<ConversationOptions> options,
    ILogger<PatientConversation> logger)
{
    /// <summary>Below this, a STOP or a request for a person inside a dialog is more likely an answer to its question.</summary>
    private const double InterruptionConfidence = 0.6;

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "aide", "help", "menu", "info", "infos" };

    public async Task OnMessageAsync(ITurnContext turn, RecordedConversation conversation, BotLanguage language, CancellationToken cancellationToken)
    {
        var state = await states.LoadAsync(conversation, cancellationToken);
        await session.BeginAsync(conversation.Reference, state, language, cancellationToken);
        var dialogContext = new DialogContext(dialogs.Set, ReadStack(state), turn);
        var recognition = recognizer.Recognize(dialogContext.Text, new RecognitionContext(session.Today, session.Language.Code()));
        session.SpeakIn(LanguageOf(recognition, dialogContext.Stack) ?? session.Language);

        if (conversation.IsNew)
        {
            // SMS and e-mail channels send no conversationUpdate: the first message is where the bot introduces itself.
            await dialogContext.SendAsync(session.Say("welcome"), cancellationToken);
        }

        if (!dialogContext.Stack.IsEmpty && state.HasExpiredDialog(session.Now))
        {
            dialogContext.Stack.Clear();
            await dialogContext.SendAsync(session.Say("dialog-expired"), cancellationToken);
        }

        await RunAsync(dialogContext, recognition, cancellationToken);
        state.SaveStack(dialogContext.Stack.ToJson(), options.Value.DialogLifetime, session.Now);
    }

    /// <summary>A practice's web page opened the conversation: the identity check will be scoped to that practice.</summary>
    public async Task OnOpenedByPracticeAsync(
        ITurnContext turn, RecordedConversation conversation, BotLanguage language, Guid practiceId, CancellationToken cancellationToken)
    {
        var practiceName = await db.Practices.Where(practice => practice.Id == practiceId)
            .Select(practice => practice.Name).SingleOrDefaultAsync(cancellationToken);
        if (practiceName is null)
        {
            return;
        }

        var state = await states.LoadAsync(conversation, cancellationToken);
        await session.BeginAsync(conversation.Reference, state, language, cancellationToken);
        state.OpenedFor(practiceId, session.Now);
        var dialogContext = new DialogContext(dialogs.Set, DialogStack.Empty(), turn);
        await dialogContext.SendAsync(session.Say("practice-page", ("practice", practiceName)), cancellationToken);
    }

    private async Task RunAsync(DialogContext dialogContext, Recognition recognition, CancellationToken cancellationToken)
    {
        var text = dialogContext.Text;
        var isHelp = HelpWords.Contains(ChoiceRecognizer.Normalize(text));
        if (dialogContext.Active is not null)
        {
            if (isHelp)
            {
                await dialogContext.SendAsync(session.Say("help-in-dialog"), cancellationToken);
                await dialogContext.RepromptDialogAsync(cancellationToken);
                return;
            }

            // STOP and a request for a person interrupt any question; any other clear request replaces a question the
            // reply does not answer (a menu, yes or no, a date), so no prompt traps it.
            var interrupts = recognition.Intent is Intent.Stop or Intent.TalkToHuman && recognition.Confidence >= InterruptionConfidence;
            var asksElse = recognition.Intent is not (Intent.Other or Intent.Greeting) && recognition.IsConfident;
            if (!interrupts && (!asksElse || dialogContext.ActiveUnderstands()))
            {
                await dialogContext.ContinueDialogAsync(cancellationToken);
                return;
            }

            dialogContext.CancelAllDialogs();
        }

        var flowId = isHelp ? FlowIds.Menu : FlowIds.For(recognition.Intent);
        if (flowId == FlowIds.Menu && !isHelp && Acknowledgements.Contains(text))
        {
            await dialogContext.SendAsync(session.Say("closing"), cancellationToken);
            return;
        }

        var request = new FlowRequest(
            text,
            recognition.InstallmentCount,
            recognition.PromisedDate,
            recognition.PaymentMethod?.ToString(),
            Language: session.Language.Code(),
            Unconfirmed: !isHelp && !recognition.IsConfident,
            OptOut: recognition.StopRequested && recognition.Intent != Intent.Stop,
            HardshipMentioned: recognition.HardshipMentioned && recognition.Intent != Intent.Hardship);
        await router.StartAsync(dialogContext, flowId, request, cancellationToken);
    }

    /// <summary>
    /// The language to answer in: the reply's own when it is one the bot speaks, else the one the running flow was
    /// asked in ("oui" says nothing), else the patient's recorded one. Spanish, Portuguese or Arabic keep the recorded
    /// language: the practice chose it for this patient, and switching to English would be a guess.
    /// </summary>
    private static BotLanguage? LanguageOf(Recognition recognition, DialogStack stack)
        => BotLanguages.FromCode(recognition.Language)
            ?? (stack.Root is { } root
                ? BotLanguages.FromCode(WaterfallDialog.OptionsOf(root)?.Deserialize<FlowRequest>(DialogJson.Options)?.Language)
                : null);

    /// <summary>A stack this version cannot run (a dialog renamed since) is dropped rather than failing every turn.</summary>
    private DialogStack ReadStack(ConversationState state)
    {
        try
        {
            var stack = DialogStack.Parse(state.DialogStackJson);
            if (stack.Ids.All(dialogs.Set.Contains))
            {
                return stack;
            }
        }
        catch (System.Text.Json.JsonException exception)
        {
            logger.LogWarning(exception, "Unreadable dialog stack of conversation {ConversationReferenceId} dropped", state.ConversationReferenceId);
            return DialogStack.Empty();
        }

        logger.LogWarning("Dialog stack of conversation {ConversationReferenceId} names unknown dialogs; dropped", state.ConversationReferenceId);
        return DialogStack.Empty();
    }
}
