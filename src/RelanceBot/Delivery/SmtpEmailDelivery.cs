using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Documents;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Delivery;

/// <summary>Sends e-mail through an SMTP relay as multipart text + HTML, with the stored documents it names attached.</summary>
public sealed class SmtpEmailDelivery(IOptions<EmailOptions> options, RelanceBotDbContext db) : IMessageDelivery
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        MimeMessage mail;
        try
        {
            var attachments = await AttachmentsAsync(message, cancellationToken);
            if (attachments.Count < message.Content.AttachmentIds.Count)
            {
                return DeliveryResult.Permanent("email attachment missing");
            }

            mail = Compose(message, attachments);
        }
        catch (ParseException)
        {
            return DeliveryResult.Permanent("email address is invalid");
        }

        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var connected = false;
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, cancellationToken);
            connected = true;
            if (settings.UserName is { Length: > 0 } userName)
            {
                await client.AuthenticateAsync(userName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Sent(mail.MessageId);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            return DeliveryResult.Transient($"email sender refused {(int)exception.StatusCode}").Because(DeliveryConfigurationFault.SmtpSenderRefused);
        }
        catch (SmtpCommandException exception)
        {
            // 5xx: the relay refuses this mail for good (unknown mailbox, policy); 4xx: it may accept it later.
            var description = $"email {(int)exception.StatusCode} {exception.ErrorCode}";
            return (int)exception.StatusCode >= 500
                ? DeliveryResult.Permanent(description)
                : DeliveryResult.Transient(description);
        }
        catch (SslHandshakeException)
        {
            return DeliveryResult.Transient("email tls: handshake failed").Because(DeliveryConfigurationFault.SmtpTls);
        }
        catch (NotSupportedException) when (!connected)
        {
            // MailKit's answer when StartTls is asked of a server that does not offer STARTTLS.
            return DeliveryResult.Transient("email tls: server without STARTTLS").Because(DeliveryConfigurationFault.SmtpTls);
        }
        catch (Exception exception) when (exception is MailKit.Security.AuthenticationException or NotSupportedException)
        {
            // Wrong credentials, or a login configured for a server that takes none.
            return DeliveryResult.Transient("email authentication refused").Because(DeliveryConfigurationFault.SmtpAuthentication);
        }
        catch (SocketException exception) when (!connected)
        {
            return DeliveryResult.Transient($"email unreachable: {exception.SocketErrorCode}").Because(DeliveryConfigurationFault.SmtpUnreachable);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException
            or TimeoutException or ServiceNotConnectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient($"email {exception.GetType().Name}");
        }
    }

    private async Task<List<StoredDocument>> AttachmentsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var ids = message.Content.AttachmentIds;
        return ids.Count == 0
            ? []
            : await db.Set<StoredDocument>().AsNoTracking().Where(document => ids.Contains(document.Id)).ToListAsync(cancellationToken);
    }

    private MimeMessage Compose(OutboxMessage message, List<StoredDocument> attachments)
    {
        var settings = options.Value;
        var content = message.Content;
        var text = content.EmailText ?? content.Text;
        var body = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = content.EmailHtml ?? $"<p>{WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>")}</p>",
        };
        foreach (var document in attachments)
        {
            body.Attachments.Add(document.FileName, document.Content, ContentType.Parse(document.ContentType));
        }

        var mail = new MimeMessage { Subject = content.Subject ?? "", Body = body.ToMessageBody() };
        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients show "unsubscribe" and POST "List-Unsubscribe=One-Click" to the link.
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mail.From.Add(new MailboxAddress(settings.SenderName ?? "", settings.SenderAddress));
        mail.To.Add(MailboxAddress.Parse(message.EmailAddress ?? throw new InvalidOperationException("An e-mail message has no address.")));
        // The outbox id makes the Message-Id stable: a relay seeing a resend can recognise it.
        mail.MessageId = $"{message.Id:N}@{MailboxAddress.Parse(settings.SenderAddress).Domain}";
        return mail;
    }
}
