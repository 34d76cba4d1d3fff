using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.BotFramework.DirectLine;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations.Flows;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// The patient-facing bot: a greeting that says plainly this is an automated assistant, the link from a reminder's
/// token to the patient's file, then the conversation itself (<see cref="PatientConversation"/>). Nothing about an
/// invoice is said before the conversation is bound to its patient. A turn's replies go out only after its changes are
/// saved; a turn whose save fails (another writer changed what it read) only asks the patient to try again.
/// </summary>
public sealed class PatientBot(
    ConversationReferenceStore references,
    ConversationLinker linker,
    PatientConversation patientConversation,
    PatientFiles files,
    RelanceBotDbContext db,
    MessageCatalog messages,
    ConversationTurnGate gate,
    IConversationTurnLock turnLock,
    ILogger<PatientBot> logger) : IBot
{
    /// <summary>The event a Web Chat page sends with the token from the reminder's link.</summary>
    public const string LinkEventName = "relancebot/link";

    /// <summary>The event a practice's own Web Chat page sends (<c>{"practiceId": "…"}</c>) so patients can identify themselves.</summary>
    public const string PracticePageEventName = "relancebot/practice";

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Serialised per conversation, a turn always starts from the state the previous one saved: in this process by
        // the gate, across instances (PostgreSQL scale-out) by the turn lock behind it, so that a conversation's turns
        // queue in memory here rather than on the database.
        var conversationKey = $"{turn.Activity.ChannelId}/{turn.Activity.Conversation?.Id}";
        using var _ = await gate.EnterAsync(conversationKey, cancellationToken);
        await RunTurnAsync(turn, conversationKey, cancellationToken);
    }

    private async Task RunTurnAsync(ITurnContext turn, string conversationKey, CancellationToken cancellationToken)
    {
        // A turn runs several small queries: one connection for all of them.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var locked = await turnLock.TryEnterAsync(db, conversationKey, cancellationToken);
            if (locked is null)
            {
                logger.LogWarning("A turn on channel {ChannelId} waited too long for another instance's turn; the patient is asked to try again", turn.Activity.ChannelId);
                await AskToSendAgainAsync(turn, cancellationToken);
                return;
            }

            var held = new HeldRepliesTurn(turn);
            try
            {
                await AnswerAsync(held, cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                // A stale version (a racing turn on another instance, an invoice changed meanwhile) or a row created at
                // the same moment: nothing of the turn was stored, so none of what it said may be sent.
                logger.LogWarning(exception, "A turn on channel {ChannelId} could not be saved; the patient is asked to try again", turn.Activity.ChannelId);
                db.ChangeTracker.Clear();
                await AskToSendAgainAsync(turn, cancellationToken);
                return;
            }

            await locked.CompleteAsync(cancellationToken);
            await held.ReleaseAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task AskToSendAgainAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        new Reply(turn, messages, BotLanguages.FromLocale(turn.Activity.Locale)).SayAsync(cancellationToken, "turn-not-saved");

    private async Task AnswerAsync(HeldRepliesTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var conversation = await references.TrackAsync(activity, cancellationToken);
        // Opened from a patient space: already the patient's, with no code to type.
        var spacePatient = conversation.Reference.PatientId is null && turn.GetDirectLineBinding() is { } binding
            ? await linker.BindToSpaceAsync(binding, conversation.Reference, cancellationToken)
            : null;
        var language = BotLanguages.FromLocale(activity.Locale ?? spacePatient?.Language);
        var reply = new Reply(turn, messages, language);

        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when HasNewUser(activity) && spacePatient is not null:
                await DescribeFileAsync(spacePatient.Id, reply, "space-greeting", cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when HasNewUser(activity) && !conversation.Reference.IsGroup:
                await reply.SayAsync(cancellationToken, "welcome", "help");
                break;
            case ActivityTypes.Message when LinkTokenCodec.TryFind(activity.Text, out var typedToken):
                if (conversation.IsNew)
                {
                    await reply.SayAsync(cancellationToken, "welcome");
                }

                await LinkAsync(typedToken, conversation.Reference, reply, cancellationToken);
                break;
            case ActivityTypes.Message:
                await patientConversation.OnMessageAsync(turn, conversation, language, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == LinkEventName && TryReadString(activity, "token", out var eventText)
                && LinkTokenCodec.TryFind(eventText, out var token):
                await LinkAsync(token, conversation.Reference, reply, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == PracticePageEventName && TryReadString(activity, "practiceId", out var id)
                && Guid.TryParse(id, out var practiceId):
                await patientConversation.OnOpenedByPracticeAsync(turn, conversation, language, practiceId, cancellationToken);
                break;
        }

        // The turn's one save: its conversation, dialog state and whatever its flows recorded, before any reply leaves.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LinkAsync(string token, ConversationReferenceRecord conversation, Reply reply, CancellationToken cancellationToken)
    {
        var patient = await linker.RedeemAsync(token, conversation, cancellationToken);
        if (patient is null)
        {
            await reply.SayAsync(cancellationToken, "link-invalid");
            return;
        }

        // Bound, the conversation speaks the patient's recorded language rather than the browser's.
        await DescribeFileAsync(patient.Id, reply.In(BotLanguages.FromCode(patient.Language) ?? reply.Language), "linked", cancellationToken);
    }

    /// <param name="greetingKey">The first line, given the patient's first name and the practice's name.</param>
    private async Task DescribeFileAsync(Guid patientId, Reply reply, string greetingKey, CancellationToken cancellationToken)
    {
        var file = await files.LoadAsync(patientId, cancellationToken);
        var lines = new List<string>
        {
            reply.Render(greetingKey, ("firstName", file.FirstName), ("practice", file.PracticeName)),
            file.OpenInvoices.Count == 0
                ? reply.Render("nothing-due")
                : reply.RenderCount("balance", file.OpenInvoices.Count, ("amount", reply.Format.Money(file.OutstandingCents))),
        };
        if (file.PracticePhone is not null)
        {
            lines.Add(reply.Render("contact", ("phone", reply.Format.Phone(file.PracticePhone))));
        }

        lines.Add(reply.Render("what-next"));

        await reply.SendAsync(string.Join("\n\n", lines), cancellationToken);
    }

    /// <summary>A member other than the bot joined: the patient opened the conversation.</summary>
    private static bool HasNewUser(Activity activity)
        => activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;

    private static bool TryReadString(Activity activity, string name, out string text)
    {
        text = "";
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.String)
        {
            text = property.GetString()!;
            return true;
        }

        return false;
    }
}
