namespace RelanceBot.Conversations.Flows;

/// <summary>
/// One share of a schedule shown to the patient before any plan exists; the stored, charged share is
/// <see cref="Plans.Installment"/>.
/// </summary>
public sealed record ProposedInstallment(DateOnly DueDate, long AmountCents);
