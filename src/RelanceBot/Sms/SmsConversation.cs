namespace RelanceBot.Sms;

/// <summary>The <c>sms</c> conversation of a phone number, bound to the patient it belongs to in the practice that texted them.</summary>
internal sealed record SmsConversation(string PhoneNumber, Guid PracticeId, Guid PatientId, string Language);
