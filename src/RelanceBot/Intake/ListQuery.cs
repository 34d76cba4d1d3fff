using System.Globalization;

namespace RelanceBot.Intake;

/// <summary>
/// Reads a list endpoint's query parameters (paging and filters) as text, so that a bad value becomes a 400 naming
/// the parameter instead of a binding failure: every problem is added to <see cref="Errors"/>.
/// </summary>
public sealed class ListQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public FieldErrors Errors { get; } = new();

    public PageRequest Page(string? offset, string? limit) => new(
        WholeNumber(offset, "offset", 0, int.MaxValue) ?? 0,
        WholeNumber(limit, "limit", 1, MaxLimit) ?? DefaultLimit);

    /// <summary>A whole number within bounds; null when absent.</summary>
    public int? WholeNumber(string? value, string parameter, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Errors.Add(parameter, $"A whole number between {min} and {max}.");
        return null;
    }

    /// <summary>One of <typeparamref name="TEnum"/>'s names (any case, never a number); null when absent.</summary>
    public TEnum? Enum<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (!value.Any(char.IsAsciiDigit) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Errors.Add(parameter, $"One of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>A non-empty reference of at most <see cref="ExternalReference.MaxLength"/> characters; null when absent.</summary>
    public string? Reference(string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length is > 0 and <= ExternalReference.MaxLength)
        {
            return value;
        }

        Errors.Add(parameter, $"Between 1 and {ExternalReference.MaxLength} characters.");
        return null;
    }

    public IResult Problem() => Results.ValidationProblem(Errors.ToDictionary());
}
