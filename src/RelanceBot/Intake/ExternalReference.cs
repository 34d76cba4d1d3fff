namespace RelanceBot.Intake;

/// <summary>Rules for the practice's own identifiers (patient numbers, invoice numbers).</summary>
public static class ExternalReference
{
    public const int MaxLength = 64;

    public static void Validate(string? reference, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(field, "A reference is required.");
        }
        else if (reference.Length > MaxLength)
        {
            errors.Add(field, $"A reference has at most {MaxLength} characters.");
        }
        else if (reference != reference.Trim() || reference.Any(char.IsControl))
        {
            errors.Add(field, "A reference cannot start or end with spaces or contain control characters.");
        }
    }
}
