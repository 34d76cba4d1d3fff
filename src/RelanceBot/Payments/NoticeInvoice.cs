namespace RelanceBot.Payments;

/// <summary>One invoice of a notice about several: its reference, what is due on it now, and its pay link (a bearer secret).</summary>
public sealed record NoticeInvoice(string Reference, long AmountCents, string PayLink);
