namespace RelanceBot.Reminders.Messages;

/// <summary>
/// Everything a reminder template may say. Deliberately nothing about the care itself (medical secrecy): the
/// invoice's internal description is not here, so no template can print it.
/// </summary>
/// <param name="EarlierReminderDelivered">Whether an earlier reminder about the invoice reached the patient: only then
/// may a text speak of "our previous reminders".</param>
public sealed record ReminderMessageModel(
    string Language,
    string PatientFirstName,
    string PatientLastName,
    string PracticeName,
    string PractitionerName,
    string? PracticePhone,
    long AmountCents,
    DateOnly DueDate,
    string PaymentLink,
    string ReplyCode,
    bool EarlierReminderDelivered)
{
    /// <summary>The one-click link that opts the patient's e-mail address out; null when they have no e-mail channel.</summary>
    public string? UnsubscribeLink { get; init; }

    /// <summary>The last day to pay a mise en demeure gives (the date its letter prints); null for other steps.</summary>
    public DateOnly? PaymentDeadline { get; init; }
}
