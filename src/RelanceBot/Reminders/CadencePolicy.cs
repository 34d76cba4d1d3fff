using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Reminders;

/// <summary>
/// A practice's reminder cadence: its steps, when patients may be contacted, and the ethics minimum. A practice
/// without a stored policy uses <see cref="DefaultFor"/>, switched off until the practice reviews and enables it.
/// </summary>
public sealed class CadencePolicy
{
    public const long DefaultLegalMinimumCents = 30_00;

    public const int DefaultMinimumStepGapDays = 7;

    public const int DefaultFormalNoticeDeadlineDays = 15;

    public Guid PracticeId { get; private set; }

    /// <summary>Reminders only go out once the practice switched them on (after looking at the preview).</summary>
    public bool IsEnabled { get; private set; }

    public IReadOnlyList<CadenceStep> Steps { get; private set; } = [];

    public IReadOnlyList<WeeklyContactWindow> ContactWindows { get; private set; } = ContactWindowPolicy.FrenchCanvassingWindows;

    public string TimeZoneId { get; private set; } = ContactWindowPolicy.DefaultTimeZoneId;

    public bool IncludeAlsaceMoselleHolidays { get; private set; }

    /// <summary>Unsolicited contacts allowed per patient in any <see cref="QuotaPeriodDays"/> days.</summary>
    public int MaxUnsolicitedContacts { get; private set; } = ContactQuota.Default.MaxContacts;

    public int QuotaPeriodDays { get; private set; } = (int)ContactQuota.Default.Period.TotalDays;

    /// <summary>Below this outstanding amount no legal step or collection hand-off is ever proposed.</summary>
    public long LegalMinimumCents { get; private set; } = DefaultLegalMinimumCents;

    /// <summary>
    /// Local days a step waits after the previous one was delivered (or the steps' own spacing when shorter): how far
    /// a backlog is compressed, never skipped.
    /// </summary>
    public int MinimumStepGapDays { get; private set; } = DefaultMinimumStepGapDays;

    /// <summary>Calendar days the mise en demeure letter gives to pay, counted from the letter's date.</summary>
    public int FormalNoticeDeadlineDays { get; private set; } = DefaultFormalNoticeDeadlineDays;

    public DateTimeOffset UpdatedAt { get; private set; }

    private CadencePolicy()
    {
    }

    public static CadencePolicy DefaultFor(Guid practiceId, string timeZoneId) => new()
    {
        PracticeId = practiceId,
        Steps = DefaultCadence.Steps,
        TimeZoneId = timeZoneId,
    };

    /// <summary>Replaces the whole policy with already validated settings (see <see cref="CadencePolicySettings.Validate"/>).</summary>
    public void Apply(CadencePolicySettings settings, DateTimeOffset now)
    {
        IsEnabled = settings.IsEnabled;
        Steps = [.. settings.Steps.OrderBy(step => step.OffsetDays)];
        ContactWindows = [.. settings.ContactWindows];
        TimeZoneId = settings.TimeZoneId;
        IncludeAlsaceMoselleHolidays = settings.IncludeAlsaceMoselleHolidays;
        MaxUnsolicitedContacts = settings.MaxUnsolicitedContacts;
        QuotaPeriodDays = settings.QuotaPeriodDays;
        LegalMinimumCents = settings.LegalMinimumCents;
        MinimumStepGapDays = settings.MinimumStepGapDays;
        FormalNoticeDeadlineDays = settings.FormalNoticeDeadlineDays;
        UpdatedAt = now;
    }

    public CadencePolicySettings ToSettings() => new(
        IsEnabled, Steps, ContactWindows, TimeZoneId, IncludeAlsaceMoselleHolidays, MaxUnsolicitedContacts,
        QuotaPeriodDays, LegalMinimumCents, MinimumStepGapDays, FormalNoticeDeadlineDays);

    public ContactCalendar ToCalendar() => new(new ContactWindowPolicy
    {
        Windows = ContactWindows,
        TimeZoneId = TimeZoneId,
        IncludeAlsaceMoselleHolidays = IncludeAlsaceMoselleHolidays,
    });

    public ContactQuota ToQuota() => new(MaxUnsolicitedContacts, TimeSpan.FromDays(QuotaPeriodDays));
}
