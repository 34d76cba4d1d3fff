using System.Globalization;
using System.Text.RegularExpressions;
using RelanceBot.Intake;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Reminders;

/// <summary>Everything a practice can edit in its cadence; the body of <c>GET/PUT /api/v1/cadence</c>.</summary>
public sealed partial record CadencePolicySettings(
    bool IsEnabled,
    IReadOnlyList<CadenceStep> Steps,
    IReadOnlyList<WeeklyContactWindow> ContactWindows,
    string TimeZoneId,
    bool IncludeAlsaceMoselleHolidays,
    int MaxUnsolicitedContacts,
    int QuotaPeriodDays,
    long LegalMinimumCents,
    int MinimumStepGapDays = CadencePolicy.DefaultMinimumStepGapDays,
    int FormalNoticeDeadlineDays = CadencePolicy.DefaultFormalNoticeDeadlineDays)
{
    public const int MaxMinimumStepGapDays = 60;

    /// <summary>A deadline shorter than 8 days would not be a reasonable time to pay; longer than 90 delays recovery for nothing.</summary>
    public const int MinFormalNoticeDeadlineDays = 8;
    public const int MaxFormalNoticeDeadlineDays = 90;

    public const int MaxSteps = 20;
    public const int MinOffsetDays = -30;
    public const int MaxOffsetDays = 365;
    public const int MaxStepNameLength = 50;

    /// <summary>Adds every problem to <paramref name="errors"/>, keyed by the JSON field (<c>steps[2].tone</c>).</summary>
    public void Validate(Func<string, bool> templateExists, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(templateExists);
        ValidateSteps(templateExists, errors);

        var windowErrors = new ContactWindowPolicy
        {
            Windows = ContactWindows ?? [],
            TimeZoneId = TimeZoneId ?? "",
            IncludeAlsaceMoselleHolidays = IncludeAlsaceMoselleHolidays,
        }.GetValidationErrors();
        foreach (var error in windowErrors)
        {
            errors.Add(error.StartsWith("Unknown time zone", StringComparison.Ordinal) ? "timeZoneId" : "contactWindows", error);
        }

        if (MaxUnsolicitedContacts is < 1 or > 30)
        {
            errors.Add("maxUnsolicitedContacts", "Between 1 and 30 contacts.");
        }

        if (QuotaPeriodDays is < 1 or > 365)
        {
            errors.Add("quotaPeriodDays", "Between 1 and 365 days.");
        }

        if (LegalMinimumCents < 0)
        {
            errors.Add("legalMinimumCents", "Cannot be negative.");
        }

        if (MinimumStepGapDays is < 0 or > MaxMinimumStepGapDays)
        {
            errors.Add("minimumStepGapDays", $"Between 0 and {MaxMinimumStepGapDays} days.");
        }

        if (FormalNoticeDeadlineDays is < MinFormalNoticeDeadlineDays or > MaxFormalNoticeDeadlineDays)
        {
            errors.Add("formalNoticeDeadlineDays", $"Between {MinFormalNoticeDeadlineDays} and {MaxFormalNoticeDeadlineDays} days.");
        }
    }

    private void ValidateSteps(Func<string, bool> templateExists, FieldErrors errors)
    {
        if (Steps is null || Steps.Count == 0 || Steps.Count > MaxSteps)
        {
            errors.Add("steps", $"Between 1 and {MaxSteps} steps.");
            return;
        }

        for (var index = 0; index < Steps.Count; index++)
        {
            ValidateStep(Steps[index], Field(index, ""), templateExists, errors);
        }

        foreach (var duplicate in Steps.GroupBy(step => step.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add("steps", $"Step name '{duplicate.Key}' is used more than once.");
        }

        // Tone only rises: a firm reminder followed by a courteous one would read as a threat withdrawn.
        var ordered = Steps.Select((step, index) => (step, index)).OrderBy(pair => pair.step.OffsetDays).ToList();
        for (var position = 1; position < ordered.Count; position++)
        {
            if (ordered[position].step.Tone < ordered[position - 1].step.Tone)
            {
                errors.Add(Field(ordered[position].index, "tone"), "The tone cannot fall below an earlier step's tone.");
            }
        }
    }

    private static void ValidateStep(CadenceStep step, string field, Func<string, bool> templateExists, FieldErrors errors)
    {
        if (step is null)
        {
            errors.Add(field.TrimEnd('.'), "A step is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(step.Name) || step.Name.Length > MaxStepNameLength || !StepName().IsMatch(step.Name))
        {
            errors.Add(field + "name", $"Lower-case letters, digits and dashes, at most {MaxStepNameLength} characters.");
        }

        if (step.OffsetDays is < MinOffsetDays or > MaxOffsetDays)
        {
            errors.Add(field + "offsetDays", $"Between {MinOffsetDays} and {MaxOffsetDays} days from the due date.");
        }

        if (step.SendsMessage != step.Template is not null)
        {
            errors.Add(field + "template", step.SendsMessage
                ? "A message or approval request step needs a template."
                : "Only message and approval request steps have a template.");
        }
        else if (step.Template is not null && !templateExists(step.Template))
        {
            errors.Add(field + "template", $"Unknown template '{step.Template}'.");
        }

        // The legal tone is only ever sent after the practitioner approved it.
        if (step.Tone == ReminderTone.Legal && step.Action == StepAction.Message)
        {
            errors.Add(field + "tone", "A legal-tone message must be an approval request.");
        }
    }

    private static string Field(int index, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"steps[{index}].{name}");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StepName();
}
