namespace RelanceBot.Patients;

public sealed record PatientResponse(
    string ExternalReference,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? Phone,
    string? Email,
    string Language,
    bool IsCssBeneficiary,
    string? PostalAddress,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PatientChannelResponse> Channels)
{
    public static PatientResponse From(Patient patient) => new(
        patient.ExternalReference,
        patient.FirstName,
        patient.LastName,
        patient.DateOfBirth,
        patient.PhoneE164,
        patient.Email,
        patient.Language,
        patient.IsCssBeneficiary,
        patient.PostalAddress,
        patient.IsActive,
        patient.CreatedAt,
        patient.UpdatedAt,
        // Channels created together share a timestamp, so their ids alone do not give a stable order.
        [.. patient.Channels
            .OrderBy(channel => channel.Kind)
            .ThenBy(channel => channel.Address, StringComparer.Ordinal)
            .Select(PatientChannelResponse.From)]);
}
