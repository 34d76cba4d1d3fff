namespace RelanceBot.Patients;

/// <summary>Limits shared by the schema and input validation, so a valid request always fits its columns.</summary>
public static class PatientRules
{
    public const int MaxNameLength = 100;

    public const int MaxEmailLength = 254;
}
