using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RelanceBot.Patients;

/// <summary>A patient as the practice sends it (API body, or one CSV row). PUT semantics: omitted optional fields are cleared.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PatientRequest(
    [property: Description("Given name.")] string? FirstName,
    [property: Description("Family name.")] string? LastName,
    [property: Description("Date of birth, ISO 8601 (yyyy-MM-dd).")] DateOnly? DateOfBirth,
    [property: Description("Phone number; French numbers may be written nationally (06 12 34 56 78). Stored as E.164.")] string? Phone,
    [property: Description("E-mail address.")] string? Email,
    [property: Description("Language of messages to the patient: fr (default) or en.")] string? Language,
    [property: Description("Beneficiary of the Complémentaire santé solidaire.")] bool? IsCssBeneficiary,
    [property: Description("Optional postal address, for letters (the mise en demeure): up to 5 lines of at most 38 characters, "
        + "separated by line breaks, without the patient's name, e.g. \"3 allée des Peupliers\\n68100 Mulhouse\".")] string? PostalAddress = null);
