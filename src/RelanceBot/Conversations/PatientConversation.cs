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
/// One patient message: the stored dialog stack is resumed (unless it expired), STOP, help and "parler à quelqu'un"
/// interrupt whatever is running, anything else starts the flow its intent calls for. The stack, and every change
/// the flows made, are saved together at the end of the turn.
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
        var state = await states.LoadAsync(conversation.Reference.Id, cancellationToken);
        await session.BeginAsync(conversation.Reference, state, language, cancellationToken);
        var dialogContext = new DialogContext(dialogs.Set, ReadStack(state), turn);

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

        await RunAsync(dialogContext, cancellationToken);
        state.SaveStack(dialogContext.Stack.ToJson(), options.Value.DialogLifetime, session.Now);
        await db.SaveChangesAsync(cancellationToken);
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

        var state = await states.LoadAsync(conversation.Reference.Id, cancellationToken);
        await session.BeginAsync(conversation.Reference, state, language, cancellationToken);
        state.OpenedFor(practiceId, session.Now);
        await db.SaveChangesAsync(cancellationToken);
        var dialogContext = new DialogContext(dialogs.Set, DialogStack.Empty(), turn);
        await dialogContext.SendAsync(session.Say("practice-page", ("practice", practiceName)), cancellationToken);
    }

    private async Task RunAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var text = dialogContext.Text;
        var recognition = recognizer.Recognize(text, new RecognitionContext(session.Today, session.Language.Code()));
        var isHelp = HelpWords.Contains(ChoiceRecognizer.Normalize(text));
        if (dialogContext.Active is not null)
        {
            if (isHelp)
            {
                await dialogContext.SendAsync(session.Say("help-in-dialog"), cancellationToken);
                await dialogContext.RepromptDialogAsync(cancellationToken);
                return;
            }

            if (recognition.Intent is not (Intent.Stop or Intent.TalkToHuman) || recognition.Confidence < InterruptionConfidence)
            {
                await dialogContext.ContinueDialogAsync(cancellationToken);
                return;
            }

            dialogContext.CancelAllDialogs();
        }

        var flowId = isHelp ? FlowIds.Menu : FlowIds.For(recognition.Intent);
        var request = new FlowRequest(text, recognition.InstallmentCount, recognition.PromisedDate);
        await router.StartAsync(dialogContext, flowId, request, cancellationToken);
    }

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
