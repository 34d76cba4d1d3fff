using System.Net.Mail;
using RelanceBot.Intake;

namespace RelanceBot.Patients;

/// <summary>Checks a <see cref="PatientRequest"/> and turns it into clean <see cref="PatientDetails"/>.</summary>
public static class PatientRequestValidator
{
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static PatientDetails? Validate(PatientRequest request, DateOnly today, FieldErrors errors)
    {
        var firstName = RequiredName(request.FirstName, "firstName", errors);
        var lastName = RequiredName(request.LastName, "lastName", errors);
        var dateOfBirth = BirthDate(request.DateOfBirth, today, errors);
        var phone = Phone(request.Phone, errors);
        var email = Email(request.Email, errors);
        var language = Language(request.Language, errors);
        var postalAddress = PostalAddress.Normalize(request.PostalAddress, "postalAddress", errors);

        return errors.IsEmpty
            ? new PatientDetails(firstName!, lastName!, dateOfBirth!.Value, phone, email, language!, request.IsCssBeneficiary ?? false, postalAddress)
            : null;
    }

    private static string? RequiredName(string? value, string field, FieldErrors errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(field, "This field is required.");
            return null;
        }

        if (name.Length > PatientRules.MaxNameLength)
        {
            errors.Add(field, $"At most {PatientRules.MaxNameLength} characters.");
            return null;
        }

        return name;
    }

    private static DateOnly? BirthDate(DateOnly? value, DateOnly today, FieldErrors errors)
    {
        if (value is not { } date)
        {
            errors.Add("dateOfBirth", "This field is required (yyyy-MM-dd).");
        }
        else if (date > today || date < EarliestBirthDate)
        {
            errors.Add("dateOfBirth", $"The date of birth must be between {EarliestBirthDate:yyyy-MM-dd} and today.");
        }

        return value;
    }

    private static string? Phone(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!PhoneNumberNormalizer.TryNormalize(value, out var e164))
        {
            errors.Add("phone", "Not a valid phone number (French national format or +country code).");
            return null;
        }

        return e164;
    }

    private static string? Email(string? value, FieldErrors errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        // MailAddress accepts display names ("Jo <jo@x.fr>"); only a bare address is an address.
        if (email.Length > PatientRules.MaxEmailLength
            || !MailAddress.TryCreate(email, out var address)
            || address.Address != email)
        {
            errors.Add("email", "Not a valid e-mail address.");
            return null;
        }

        return email;
    }

    private static string? Language(string? value, FieldErrors errors)
    {
        var language = string.IsNullOrWhiteSpace(value) ? PatientLanguage.French : value.Trim().ToLowerInvariant();
        if (!PatientLanguage.IsSupported(language))
        {
            errors.Add("language", $"Supported languages: {string.Join(", ", PatientLanguage.All)}.");
            return null;
        }

        return language;
    }
}
