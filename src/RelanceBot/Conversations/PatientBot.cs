using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// The patient-facing conversation: a greeting that says plainly this is an automated assistant, help, and the link
/// from a reminder's token to the patient's file. Nothing about an invoice is said before that link is made.
/// </summary>
public sealed class PatientBot(
    ConversationReferenceStore references,
    ConversationLinker linker,
    RelanceBotDbContext db,
    MessageCatalog messages) : IBot
{
    /// <summary>The event a Web Chat page sends with the token from the reminder's link.</summary>
    public const string LinkEventName = "relancebot/link";

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var conversation = await references.RecordAsync(activity, cancellationToken);
        var language = BotLanguages.FromLocale(activity.Locale);
        var reply = new Reply(turn, messages, language);

        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when HasNewUser(activity) && !conversation.Reference.IsGroup:
                await reply.SayAsync(cancellationToken, "welcome", "help");
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(activity, conversation, reply, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == LinkEventName && TryReadLinkEventToken(activity, out var token):
                await LinkAsync(token, conversation.Reference, reply, cancellationToken);
                break;
        }
    }

    private async Task OnMessageAsync(Activity activity, RecordedConversation conversation, Reply reply, CancellationToken cancellationToken)
    {
        if (LinkTokenCodec.TryFind(activity.Text, out var token))
        {
            await LinkAsync(token, conversation.Reference, reply, cancellationToken);
        }
        else if (conversation.Reference.PatientId is { } patientId)
        {
            await DescribeFileAsync(patientId, reply, introduction: "assistant-for", cancellationToken);
        }
        else if (conversation.IsNew)
        {
            // SMS and e-mail channels send no conversationUpdate: the first message is where the bot introduces itself.
            await reply.SayAsync(cancellationToken, "welcome", "help");
        }
        else
        {
            await reply.SayAsync(cancellationToken, "help");
        }
    }

    private async Task LinkAsync(string token, ConversationReferenceRecord conversation, Reply reply, CancellationToken cancellationToken)
    {
        var patient = await linker.RedeemAsync(token, conversation, cancellationToken);
        if (patient is null)
        {
            await reply.SayAsync(cancellationToken, "link-invalid");
            return;
        }

        await DescribeFileAsync(patient.Id, reply, introduction: "linked", cancellationToken);
    }

    private async Task DescribeFileAsync(Guid patientId, Reply reply, string introduction, CancellationToken cancellationToken)
    {
        var file = await db.Patients
            .Where(p => p.Id == patientId)
            .Join(db.Practices, p => p.PracticeId, practice => practice.Id, (p, practice) => new
            {
                p.FirstName,
                Practice = practice.Name,
                practice.Phone,
            })
            .SingleAsync(cancellationToken);
        var open = await db.Invoices
            .Where(i => i.PatientId == patientId && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
            .Select(i => i.AmountDueCents - i.AmountPaidCents)
            .ToListAsync(cancellationToken);

        var lines = new List<string>
        {
            reply.Render(introduction, ("firstName", file.FirstName), ("practice", file.Practice)),
            open.Count == 0
                ? reply.Render("nothing-due")
                : reply.Render("balance", ("amount", EuroAmount.Format(open.Sum(), reply.Language.Culture())), ("count", open.Count.ToString())),
        };
        if (file.Phone is not null)
        {
            lines.Add(reply.Render("contact", ("phone", file.Phone)));
        }

        await reply.SendAsync(string.Join("\n\n", lines), cancellationToken);
    }

    /// <summary>A member other than the bot joined: the patient opened the conversation.</summary>
    private static bool HasNewUser(Activity activity)
        => activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;

    private static bool TryReadLinkEventToken(Activity activity, out string token)
    {
        token = "";
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("token", out var property)
            && property.ValueKind == JsonValueKind.String
            && LinkTokenCodec.TryFind(property.GetString(), out token);
    }
}
