namespace RelanceBot.Patients;

/// <summary>Validated patient details as the practice sends them; the phone number is already E.164.</summary>
public sealed record PatientDetails(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? PhoneE164,
    string? Email,
    string Language,
    bool IsCssBeneficiary,
    string? PostalAddress = null);
