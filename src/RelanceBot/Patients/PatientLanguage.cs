namespace RelanceBot.Patients;

/// <summary>The languages patient-facing messages exist in, as stored (<c>fr</c> | <c>en</c>).</summary>
public static class PatientLanguage
{
    public const string French = "fr";

    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [French, English];

    public static bool IsSupported(string language) => All.Contains(language);
}
