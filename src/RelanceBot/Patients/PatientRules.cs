namespace RelanceBot.Patients;

/// <summary>Limits shared by the schema and input validation, so a valid request always fits its columns.</summary>
public static class PatientRules
{
    public const int MaxNameLength = 100;

    public const int MaxEmailLength = 254;

    /// <summary>A French postal address fits 6 lines of 38 characters (NF Z10-011); the name is one of them.</summary>
    public const int MaxPostalAddressLines = 5;

    public const int MaxPostalAddressLineLength = 38;

    public const int MaxPostalAddressLength = MaxPostalAddressLines * (MaxPostalAddressLineLength + 1);
}
