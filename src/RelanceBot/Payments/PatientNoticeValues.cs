namespace RelanceBot.Payments;

/// <summary>What a payment notice may say: deliberately nothing about the care itself (medical secrecy).</summary>
public sealed record PatientNoticeValues(string FirstName, string PracticeName, long? AmountCents, string? PayLink);
