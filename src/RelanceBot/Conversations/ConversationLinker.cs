using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Ties a conversation to a patient through the single-use token a reminder carries — never through anything the
/// patient could type from memory (a name, a date of birth), so nobody can open someone else's file.
/// </summary>
public sealed class ConversationLinker(RelanceBotDbContext db, TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);

    /// <summary>Creates a token for a reminder; the caller sends it, only its hash is kept.</summary>
    public async Task<string> IssueAsync(Guid patientId, Guid? invoiceId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var (token, link) = Create(patientId, invoiceId, lifetime);
        db.ConversationLinkTokens.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// A new token and the record to store for it, left to the caller to store (batch jobs insert thousands at once).
    /// </summary>
    public (string Token, ConversationLinkToken Link) Create(Guid patientId, Guid? invoiceId, TimeSpan lifetime)
    {
        var token = LinkTokenCodec.NewToken();
        var now = time.GetUtcNow();
        return (token, new ConversationLinkToken
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = LinkTokenCodec.Hash(token),
            PatientId = patientId,
            InvoiceId = invoiceId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
    }

    /// <summary>
    /// Redeems <paramref name="token"/> for <paramref name="conversation"/>. Unknown, expired and already used tokens
    /// all fail alike, so the answer tells an attacker nothing.
    /// </summary>
    public async Task<Patient?> RedeemAsync(string token, ConversationReferenceRecord conversation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = LinkTokenCodec.Hash(token);
        var link = await db.ConversationLinkTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
        {
            return null;
        }

        var patient = await db.Patients.Include(p => p.Channels)
            .SingleOrDefaultAsync(p => p.Id == link.PatientId && p.DeactivatedAt == null, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        link.UsedAt = now;
        link.UsedByConversationReferenceId = conversation.Id;
        Bind(patient, conversation, now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return patient;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another conversation redeemed the same token at the same moment; single use wins.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>
    /// The binding of a built-in Direct Line conversation opened from an invoice's patient space: the server set it when
    /// it minted the conversation's token for whoever holds that invoice's link, so it is as good as the link itself.
    /// </summary>
    public static string SpaceBinding(Guid paymentLinkId) => $"{SpaceBindingPrefix}{paymentLinkId:N}";

    /// <summary>
    /// Ties <paramref name="conversation"/> to the patient of the patient space named by <paramref name="binding"/>
    /// (<see cref="SpaceBinding"/>), while that link is alive. Not a channel: the patient will have closed the page
    /// long before the next reminder. Null for any other binding, a dead link or a deactivated patient.
    /// </summary>
    public async Task<Patient?> BindToSpaceAsync(string binding, ConversationReferenceRecord conversation, CancellationToken cancellationToken)
    {
        if (!binding.StartsWith(SpaceBindingPrefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(binding[SpaceBindingPrefix.Length..], "N", out var linkId))
        {
            return null;
        }

        var patientId = await db.Set<PaymentLink>()
            .Where(link => link.Id == linkId)
            .Join(db.Invoices, link => link.InvoiceId, invoice => invoice.Id, (link, invoice) => invoice)
            .Where(invoice => invoice.Status != InvoiceStatus.Paid && invoice.Status != InvoiceStatus.Cancelled && invoice.AmountDueCents > invoice.AmountPaidCents)
            .Select(invoice => (Guid?)invoice.PatientId)
            .SingleOrDefaultAsync(cancellationToken);
        var patient = patientId is null ? null : await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId && p.DeactivatedAt == null, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        conversation.PatientId = patient.Id;
        await db.SaveChangesAsync(cancellationToken);
        return patient;
    }

    private const string SpaceBindingPrefix = "patient-space:";

    /// <summary>
    /// Binds <paramref name="conversation"/> to <paramref name="patient"/> (loaded with its channels); saved by the caller.
    /// Only a Teams conversation becomes a channel for later messages: the bot can write into it first, and the patient
    /// sees it. A Web Chat or Direct Line tab is closed by then, so reminders and decisions go to SMS or e-mail.
    /// </summary>
    public static void Bind(Patient patient, ConversationReferenceRecord conversation, DateTimeOffset now)
    {
        conversation.PatientId = patient.Id;
        if (string.Equals(conversation.ChannelId, DeliveryTarget.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            patient.AddChatChannel(conversation.Id, now);
        }
    }

    /// <summary>
    /// Binds the <c>sms</c> conversation of <paramref name="phone"/> to <paramref name="patient"/>, whose SMS channel it
    /// becomes the conversation of (so STOP in it opts out that channel); saved by the caller. A number texted by another
    /// practice since is bound again to that practice's patient.
    /// </summary>
    public static void BindSms(Patient patient, string phone, ConversationReferenceRecord conversation)
    {
        conversation.PatientId = patient.Id;
        patient.LinkSmsConversation(phone, conversation.Id);
    }
}
