using RelanceBot.Invoices;
using RelanceBot.Reminders;
using RelanceBot.Reminders.Calendar;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

public sealed class CadencePlannerTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    private static readonly TimeSpan ParisSummer = TimeSpan.FromHours(2);

    private static CadencePlanner Planner(long legalMinimumCents = CadencePolicy.DefaultLegalMinimumCents, bool alsaceMoselle = false)
    {
        var policy = CadencePolicy.DefaultFor(Guid.NewGuid(), ContactWindowPolicy.DefaultTimeZoneId);
        policy.Apply(policy.ToSettings() with
        {
            IsEnabled = true,
            LegalMinimumCents = legalMinimumCents,
            IncludeAlsaceMoselleHolidays = alsaceMoselle,
        }, DateTimeOffset.UnixEpoch);
        return new CadencePlanner(policy);
    }

    private static Dictionary<string, DateTimeOffset> Sends(List<(DateTimeOffset At, string Step, StepOutcome Outcome)> log) =>
        log.Where(entry => entry.Outcome == StepOutcome.Sent).ToDictionary(entry => entry.Step, entry => entry.At);

    [Fact]
    public void Invoice_due_on_a_Friday_gets_every_step_once_inside_contact_windows()
    {
        // Due Friday 6 March 2026, imported two weeks before.
        var planner = Planner();
        var log = PlannerDriver.Run(planner, new DateOnly(2026, 3, 6), new DateTimeOffset(2026, 2, 20, 9, 0, 0, Paris), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        // Each step once; the mise en demeure is first approved, then sent.
        log.Select(entry => (entry.Step, entry.Outcome)).ShouldBeUnique();
        log.Count(entry => entry.Outcome == StepOutcome.Sent).ShouldBe(6);
        var sends = Sends(log);
        sends["friendly-notice"].ShouldBe(new DateTimeOffset(2026, 3, 2, 10, 0, 0, Paris)); // D-5 = Sunday 1 March → Monday
        sends["courteous-1"].ShouldBe(new DateTimeOffset(2026, 3, 9, 10, 0, 0, Paris)); // D+1 = Saturday → Monday 10:00
        // D+7 = Friday 13, but courteous-1 went out on Monday 9: six days (the steps' own spacing) after it.
        sends["courteous-2"].ShouldBe(new DateTimeOffset(2026, 3, 16, 10, 0, 0, Paris));
        sends["formal"].ShouldBe(new DateTimeOffset(2026, 3, 23, 10, 0, 0, Paris)); // D+15 = Saturday 21 → Monday 23
        sends["firm"].ShouldBe(new DateTimeOffset(2026, 4, 6, 10, 0, 0, ParisSummer).AddDays(1)); // D+30 = Sunday 5 April, Easter Monday 6 → Tuesday 7
        sends["formal-notice"].ShouldBe(new DateTimeOffset(2026, 4, 20, 10, 0, 0, ParisSummer)); // D+45 = Monday 20 April
        log.ShouldContain(entry => entry.Step == "escalation" && entry.Outcome == StepOutcome.AlertRaised);
        log.ShouldContain(entry => entry.Step == "collection-hand-off" && entry.Outcome == StepOutcome.AlertRaised);
        foreach (var at in sends.Values)
        {
            planner.Calendar.IsAllowed(at).ShouldBeTrue($"{at:O} is inside a contact window");
        }
    }

    [Fact]
    public void Invoice_due_on_24_December_skips_Christmas_and_the_weekend()
    {
        var log = PlannerDriver.Run(Planner(), new DateOnly(2026, 12, 24), new DateTimeOffset(2026, 12, 24, 9, 0, 0, Paris), new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero));

        var sends = Sends(log);
        sends.ShouldNotContainKey("friendly-notice"); // imported on the due date: no notice
        sends["courteous-1"].ShouldBe(new DateTimeOffset(2026, 12, 28, 10, 0, 0, Paris)); // 25 Dec holiday, then weekend
        // Due on Thursday 31, but six days (the steps' spacing) after courteous-1: Sunday 3 January, so Monday 4.
        sends["courteous-2"].ShouldBe(new DateTimeOffset(2027, 1, 4, 10, 0, 0, Paris));
    }

    [Fact]
    public void Alsace_Moselle_practices_also_skip_26_December_and_Good_Friday()
    {
        var log = PlannerDriver.Run(Planner(alsaceMoselle: true), new DateOnly(2027, 3, 25), new DateTimeOffset(2027, 3, 25, 9, 0, 0, Paris), new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero));

        // D+1 = Good Friday 26 March 2027, then the weekend, then Easter Monday 29 March.
        Sends(log)["courteous-1"].ShouldBe(new DateTimeOffset(2027, 3, 30, 10, 0, 0, ParisSummer));
    }

    [Theory]
    [InlineData("2026-03-28", "2026-03-30T08:00:00Z")] // D+1 is Sunday 29 March, the spring change: Monday 10:00 CEST
    [InlineData("2026-10-24", "2026-10-26T09:00:00Z")] // D+1 is Sunday 25 October, the autumn change: Monday 10:00 CET
    [InlineData("2026-03-27", "2026-03-30T08:00:00Z")] // D+1 Saturday before the spring change
    public void First_reminder_around_daylight_saving_changes_opens_at_10_local(string dueDate, string expectedUtc)
    {
        var due = DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture);
        var log = PlannerDriver.Run(Planner(), due, new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(10));

        Sends(log)["courteous-1"].ShouldBe(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void After_downtime_the_ladder_resumes_at_the_next_step_instead_of_skipping_to_the_latest_due()
    {
        var planner = Planner();
        var runs = new Dictionary<string, StepRunState>(StringComparer.Ordinal)
        {
            ["friendly-notice"] = new(StepOutcome.Sent, new DateTimeOffset(2026, 2, 25, 10, 0, 0, Paris)),
            ["courteous-1"] = new(StepOutcome.Sent, new DateTimeOffset(2026, 3, 3, 10, 0, 0, Paris)),
        };
        var state = new InvoiceCadenceState(InvoiceStatus.Open, null, new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 2, 1, 9, 0, 0, Paris), 12_000, runs, []);

        // Back on Tuesday 24 March at 11:00: D+7 and D+15 are both overdue.
        var plan = planner.Plan(state, new DateTimeOffset(2026, 3, 24, 11, 0, 0, Paris));

        plan.Send!.Name.ShouldBe("courteous-2");
        plan.Skip.ShouldBeEmpty();
    }

    [Fact]
    public void Below_the_practice_minimum_no_legal_step_or_hand_off_is_proposed()
    {
        var log = PlannerDriver.Run(Planner(), new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 3, 2, 9, 0, 0, Paris), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), outstandingCents: 29_99);

        log.ShouldContain(entry => entry.Step == "formal-notice" && entry.Outcome == StepOutcome.BelowMinimum);
        log.ShouldContain(entry => entry.Step == "collection-hand-off" && entry.Outcome == StepOutcome.BelowMinimum);
        Sends(log).ShouldNotContainKey("formal-notice");
        Sends(log).ShouldContainKey("firm");
    }

    [Theory]
    [InlineData(InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Cancelled)]
    [InlineData(InvoiceStatus.Disputed)]
    [InlineData(InvoiceStatus.UnderPlan)]
    public void Settled_or_held_invoices_get_nothing(InvoiceStatus status)
    {
        var log = PlannerDriver.Run(Planner(), new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 3, 2, 9, 0, 0, Paris), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), status: status);

        log.ShouldBeEmpty();
    }

    [Fact]
    public void A_deferral_pauses_the_cadence_until_the_promised_date_then_resumes_with_the_first_reminder()
    {
        var promised = new DateTimeOffset(2026, 3, 20, 0, 0, 0, Paris);
        var log = PlannerDriver.Run(Planner(), new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 3, 2, 9, 0, 0, Paris), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), pausedUntil: promised);

        var sends = Sends(log);
        sends.Values.ShouldAllBe(at => at >= promised);
        sends.Keys.First().ShouldBe("courteous-1"); // due during the pause: sent after it, not skipped
        log.Where(entry => entry.Outcome == StepOutcome.Skipped).Select(entry => entry.Step)
            .ShouldBe(["friendly-notice"]); // imported on the due date
    }

    [Fact]
    public void Four_unsolicited_contacts_in_30_days_delay_the_next_one()
    {
        var planner = Planner();
        var now = new DateTimeOffset(2026, 3, 10, 11, 0, 0, Paris);
        DateTimeOffset[] contacts = [now.AddDays(-20), now.AddDays(-10), now.AddDays(-5), now.AddDays(-1)];
        var state = new InvoiceCadenceState(InvoiceStatus.Open, null, new DateOnly(2026, 3, 2), now.AddDays(-30), 12_000, new Dictionary<string, StepRunState>(), contacts);

        var plan = planner.Plan(state, now);

        plan.Send.ShouldBeNull();
        // When the contact of 20 days ago leaves the 30-day window: Friday 20 March at 11:00.
        planner.NextContactInstant(state, now).ShouldBe(now.AddDays(10));
    }

    [Fact]
    public void A_switched_off_policy_plans_nothing()
    {
        var policy = CadencePolicy.DefaultFor(Guid.NewGuid(), ContactWindowPolicy.DefaultTimeZoneId);
        var state = new InvoiceCadenceState(InvoiceStatus.Open, null, new DateOnly(2026, 3, 2), DateTimeOffset.UnixEpoch, 12_000, new Dictionary<string, StepRunState>(), []);

        new CadencePlanner(policy).Plan(state, new DateTimeOffset(2026, 3, 10, 11, 0, 0, Paris)).ShouldBe(CadencePlan.WaitUntil(null));
    }

    [Fact]
    public void A_due_date_at_the_end_of_the_calendar_waits_for_the_one_step_that_fits_in_it()
    {
        var planner = Planner();
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        var plan = planner.Plan(new InvoiceCadenceState(InvoiceStatus.Open, null, DateOnly.MaxValue, now, 12_000, new Dictionary<string, StepRunState>(), []), now);

        plan.HasWork.ShouldBeFalse();
        plan.NextWake.ShouldBe(planner.Calendar.StartOfLocalDay(DateOnly.MaxValue.AddDays(-5)), "D-5 is the last step before the calendar ends");
    }

    [Fact]
    public void A_due_date_at_the_start_of_the_calendar_starts_the_ladder_like_any_other()
    {
        var planner = Planner();
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        var plan = planner.Plan(new InvoiceCadenceState(InvoiceStatus.Open, null, DateOnly.MinValue, now, 12_000, new Dictionary<string, StepRunState>(), []), now);

        plan.Alerts.ShouldBeEmpty();
        plan.Send!.Name.ShouldBe("courteous-1");
    }

    [Theory]
    [InlineData(46)]
    [InlineData(61)]
    public void A_backlog_walks_the_ladder_from_the_first_courteous_reminder_with_the_gap_after_each_delivery(int daysOverdue)
    {
        // Imported on Tuesday 21 April 2026 at 10:00, inside a contact window.
        var planner = Planner();
        var imported = new DateTimeOffset(2026, 4, 21, 10, 0, 0, ParisSummer);
        var due = DateOnly.FromDateTime(imported.DateTime).AddDays(-daysOverdue);

        var log = PlannerDriver.Run(planner, due, imported, imported.AddDays(120));

        var sends = log.Where(entry => entry.Outcome == StepOutcome.Sent).ToList();
        sends.Select(entry => entry.Step).ShouldBe(["courteous-1", "courteous-2", "formal", "firm", "formal-notice"]);
        sends[0].At.ShouldBe(imported, "the first courteous reminder goes at once");
        AssertGaps(planner, sends.Select(entry => (entry.Step, entry.At)).ToList());
        sends.Select(entry => entry.At).ShouldBe(
        [
            imported,
            new DateTimeOffset(2026, 4, 27, 10, 0, 0, ParisSummer), // six days: the courteous steps' own spacing
            new DateTimeOffset(2026, 5, 4, 10, 0, 0, ParisSummer), // then seven each
            new DateTimeOffset(2026, 5, 11, 10, 0, 0, ParisSummer),
            // Approved on 18 May; the fifth contact in 30 days waits until the first leaves the quota's window.
            new DateTimeOffset(2026, 5, 21, 10, 0, 0, ParisSummer),
        ]);
        log.Where(entry => entry.Outcome == StepOutcome.Skipped).Select(entry => entry.Step).ShouldBe(["friendly-notice"]);
        var firm = sends.Single(entry => entry.Step == "firm").At;
        log.Single(entry => entry.Step == "escalation").At.ShouldBe(firm, "the escalation once the firm reminder was delivered");
        var notice = sends.Single(entry => entry.Step == "formal-notice").At;
        log.Single(entry => entry.Step == "collection-hand-off").At
            .ShouldBe(planner.Calendar.StartOfLocalDay(planner.Calendar.LocalDate(notice).AddDays(7)));
    }

    [Fact]
    public void A_15_euro_backlog_gets_its_courteous_and_formal_reminders_and_no_legal_step()
    {
        var planner = Planner();
        var due = new DateOnly(2026, 3, 2);
        var imported = new DateTimeOffset(due.AddDays(46).ToDateTime(new TimeOnly(10, 0)), ParisSummer);

        var log = PlannerDriver.Run(planner, due, imported, imported.AddDays(120), outstandingCents: 15_00);

        Sends(log).Keys.ShouldBe(["courteous-1", "courteous-2", "formal", "firm"]);
        log.Where(entry => entry.Outcome == StepOutcome.BelowMinimum).Select(entry => entry.Step)
            .ShouldBe(["formal-notice", "collection-hand-off"], ignoreOrder: true);
        log.ShouldNotContain(entry => entry.Outcome == StepOutcome.Approved);
    }

    [Fact]
    public void A_queued_message_holds_the_ladder_until_its_outcome_is_known()
    {
        var planner = Planner();
        var now = new DateTimeOffset(2026, 4, 20, 11, 0, 0, ParisSummer);
        var runs = new Dictionary<string, StepRunState>(StringComparer.Ordinal)
        {
            ["friendly-notice"] = new(StepOutcome.Skipped, now.AddDays(-20)),
            ["courteous-1"] = new(StepOutcome.Queued, now.AddDays(-20)),
        };

        var plan = planner.Plan(new InvoiceCadenceState(InvoiceStatus.Open, null, new DateOnly(2026, 3, 2), now.AddDays(-20), 12_000, runs, []), now);

        plan.HasWork.ShouldBeFalse();
        plan.NextWake.ShouldBeNull("the delivery's outcome wakes the invoice");
    }

    [Fact]
    public void After_an_undelivered_reminder_only_another_courteous_one_is_tried_and_staff_are_not_escalated()
    {
        var planner = Planner();
        var now = new DateTimeOffset(2026, 4, 20, 11, 0, 0, ParisSummer);
        var runs = new Dictionary<string, StepRunState>(StringComparer.Ordinal)
        {
            ["friendly-notice"] = new(StepOutcome.Skipped, now.AddDays(-20)),
            ["courteous-1"] = new(StepOutcome.Undelivered, now.AddDays(-20)),
            ["courteous-2"] = new(StepOutcome.Undelivered, now.AddDays(-10)),
        };

        var plan = planner.Plan(new InvoiceCadenceState(InvoiceStatus.Open, null, new DateOnly(2026, 3, 2), now.AddDays(-20), 12_000, runs, []), now);

        plan.HasWork.ShouldBeFalse("no formal text, no escalation, for a patient nothing reached");
        plan.NextWake.ShouldBeNull();
    }

    /// <summary>Each send at least min(gap, the steps' spacing) local days after the previous one's local day.</summary>
    private static void AssertGaps(CadencePlanner planner, List<(string Step, DateTimeOffset At)> sends)
    {
        var offsets = planner.Policy.Steps.ToDictionary(step => step.Name, step => step.OffsetDays);
        for (var index = 1; index < sends.Count; index++)
        {
            var (previous, previousAt) = sends[index - 1];
            var (step, at) = sends[index];
            var gap = Math.Min(planner.Policy.MinimumStepGapDays, offsets[step] - offsets[previous]);
            var earliest = planner.Calendar.StartOfLocalDay(planner.Calendar.LocalDate(previousAt).AddDays(gap));
            at.ShouldBeGreaterThanOrEqualTo(earliest, $"{step} after {previous}");
        }
    }
}
