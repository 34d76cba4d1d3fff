namespace RelanceBot.Outbox;

/// <summary>
/// The rendered message, frozen when it is enqueued so that a retry or a restart sends exactly what was decided.
/// Each channel uses what it can: chat the text, actions and card; e-mail the subject and bodies (the text if none).
/// </summary>
public sealed record OutboxContent(string Text)
{
    public string? Subject { get; init; }

    public IReadOnlyList<OutboxAction> Actions { get; init; } = [];

    public string? AdaptiveCardJson { get; init; }

    public string? EmailHtml { get; init; }

    public string? EmailText { get; init; }

    /// <summary>The patient's one-click e-mail unsubscribe link: the <c>List-Unsubscribe</c> header of an e-mail.</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>Stored documents an e-mail carries as attachments, by id: the row stays small, the document is kept once.</summary>
    public IReadOnlyList<Guid> AttachmentIds { get; init; } = [];
}
