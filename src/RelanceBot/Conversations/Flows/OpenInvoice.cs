namespace RelanceBot.Conversations.Flows;

/// <summary>What a patient may be told about one of their invoices: never its description (medical secrecy).</summary>
public sealed record OpenInvoice(Guid Id, string Reference, long OutstandingCents, DateOnly IssueDate, DateOnly DueDate);
