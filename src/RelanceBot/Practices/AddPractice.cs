using RelanceBot.Intake;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>Registers a practice and issues its first API key (returned in plain text once, never stored).</summary>
public sealed class AddPractice(RelanceBotDbContext db, TimeProvider timeProvider)
{
    public sealed record Result(Practice? Practice, string? PlainApiKey, FieldErrors Errors);

    /// <param name="postalAddress">Lines separated by line breaks; printed on the practice's letters.</param>
    /// <param name="openingHours">As patients should read it, e.g. "du lundi au vendredi, de 9 h à 18 h".</param>
    /// <param name="language">The staff's language, <c>fr</c> (when null) or <c>en</c>.</param>
    public async Task<Result> HandleAsync(
        string name, string practitionerName, string? timeZoneId, string? phone, string? postalAddress, string? openingHours,
        string? language, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "A practice name is required.");
        }

        if (string.IsNullOrWhiteSpace(practitionerName))
        {
            errors.Add("practitioner", "The practitioner's name is required.");
        }

        var zone = string.IsNullOrWhiteSpace(timeZoneId) ? Practice.DefaultTimeZoneId : timeZoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("time-zone", $"Unknown time zone '{zone}' (use an IANA id such as {Practice.DefaultTimeZoneId}).");
        }

        string? phoneE164 = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (PhoneNumberNormalizer.TryNormalize(phone, out var normalized))
            {
                phoneE164 = normalized;
            }
            else
            {
                errors.Add("phone", "Not a valid phone number.");
            }
        }

        var address = PostalAddress.Normalize(postalAddress, "address", errors);
        var hours = string.IsNullOrWhiteSpace(openingHours) ? null : openingHours.Trim();
        if (hours?.Length > Practice.MaxOpeningHoursLength)
        {
            errors.Add("opening-hours", $"At most {Practice.MaxOpeningHoursLength} characters.");
        }

        var staffLanguage = PracticeLanguage.Parse(language, errors);
        if (!errors.IsEmpty)
        {
            return new Result(null, null, errors);
        }

        var now = timeProvider.GetUtcNow();
        var practice = Practice.Create(name, practitionerName, zone, phoneE164, now, address, hours, staffLanguage);
        var (key, plainKey) = PracticeApiKey.Issue(practice.Id, now);
        db.Practices.Add(practice);
        db.PracticeApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new Result(practice, plainKey, errors);
    }
}
