using RelanceBot.Patients;

namespace RelanceBot.Intake;

/// <summary>
/// A postal address as letters print it: lines separated by line breaks (blank ones dropped, each trimmed), within
/// the French standard's lines and widths so it fits an envelope window. Shared by patients and practices.
/// </summary>
public static class PostalAddress
{
    /// <summary>The address in canonical form, null when none was given; adds an error under <paramref name="field"/> otherwise.</summary>
    public static string? Normalize(string? value, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = (value ?? "").ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        if (lines.Count > PatientRules.MaxPostalAddressLines || lines.Exists(line => line.Length > PatientRules.MaxPostalAddressLineLength))
        {
            errors.Add(field, $"At most {PatientRules.MaxPostalAddressLines} lines of {PatientRules.MaxPostalAddressLineLength} characters, separated by line breaks.");
            return null;
        }

        return string.Join('\n', lines);
    }

    public static IReadOnlyList<string> Lines(string? address) => address is null ? [] : address.Split('\n');
}
