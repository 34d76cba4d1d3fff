using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Invoices.Import;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Reminders.Calendar;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using SQLitePCL;
using Xunit.Abstractions;

namespace RelanceBot.Tests.Outbox;

/// <summary>
/// The whole path a reminder takes, in the real app as a child process on a SQLite file, to a real SMTP server
/// (aiosmtpd) on 127.0.0.1: due invoices → the Quartz sweep (claims and outbox messages in one write transaction) →
/// the outbox dispatcher → SMTP. The app is SIGKILLed once while the sweep holds the database's writer, once in the
/// middle of dispatching, then restarted until every patient has the reminder. Lost must be 0; duplicates are at most
/// the messages in flight at the second kill, and each carries its original's Message-Id.
/// </summary>
public sealed class SweepToSmtpCrashTests(ITestOutputHelper output)
{
    private const int InvoiceCount = 2000;
    private static readonly TimeSpan SweepWait = TimeSpan.FromSeconds(150);

    [WhileAPatientIsContactableSomewhereFact]
    public async Task App_KilledInTheSweepsWriteThenMidDispatch_EmailsEveryPatientOnceButForTheMessagesInFlight()
    {
        using var database = new TestDatabase();
        await using var smtp = await SmtpServer.StartAsync();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database);
        seeding.Stop();
        (await CountAsync(database, "SELECT COUNT(*) FROM OutboxMessages")).ShouldBe(0, "seeding must finish before its own app's first sweep");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:RelanceBot"] = database.ConnectionString,
            ["BotFramework:AllowAnonymous"] = "true",
            ["Payments:Stripe:AllowDemoCheckout"] = "true",
            ["Delivery:Email:Host"] = "127.0.0.1",
            ["Delivery:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Delivery:Email:Tls"] = "None",
            ["Delivery:Email:SenderAddress"] = "relances@cabinet-dupont.test",
            ["Logging:LogLevel:Default"] = "Warning",
            // The outbox runs with its defaults: the 30-second lease is what bounds the resend after a crash.
        };

        // 1. Killed while the first sweep after start holds the writer, before it commits.
        int committedAtFirstKill;
        int busyProbes;
        using (var sweeping = AppProcess.Start(settings))
        {
            busyProbes = await KillInsideTheSweepsWriteAsync(database, sweeping);
            committedAtFirstKill = await CountAsync(database, "SELECT COUNT(*) FROM OutboxMessages");
        }

        var runsAtFirstKill = await CountAsync(database, "SELECT COUNT(*) FROM ReminderStepRuns");

        // 2. Restarted: its sweep enqueues everything again; killed once a quarter of the mails went out.
        int deliveredAtSecondKill;
        int inFlightAtSecondKill;
        int sentAtSecondKill;
        using (var dispatching = AppProcess.Start(settings))
        {
            await WaitAsync(() => smtp.ReceivedCount >= InvoiceCount / 4, SweepWait, dispatching, "a quarter of the mails sent");
            await dispatching.KillAsync();
            deliveredAtSecondKill = smtp.ReceivedCount;
            inFlightAtSecondKill = await CountAsync(database, "SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Sending'");
            sentAtSecondKill = await CountAsync(database, "SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Sent'");
        }

        // 3. Restarted until every message is recorded as sent, then stopped gracefully.
        var recovery = Stopwatch.StartNew();
        using (var restarted = AppProcess.Start(settings))
        {
            await WaitAsync(
                () => CountAsync(database, "SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Sent'").Result == InvoiceCount,
                SweepWait, restarted, "every message sent");
            recovery.Stop();
            await restarted.StopAsync(TimeSpan.FromSeconds(30));
        }

        var mails = smtp.ReceivedMessages();
        var patientsReached = mails.Select(mail => mail.To.Mailboxes.Single().Address).Distinct().Count();
        var messageIds = mails.Select(mail => mail.MessageId).Distinct().Count();
        var lost = InvoiceCount - patientsReached;
        var duplicates = mails.Count - patientsReached;
        output.WriteLine(
            $"{InvoiceCount} due invoices (seeded in {seeding.Elapsed.TotalSeconds:F0} s). Kill 1, in the sweep's write transaction "
            + $"(writer seen held by {busyProbes} probes in a row): {committedAtFirstKill} messages and {runsAtFirstKill} step claims committed. "
            + $"Kill 2, mid-dispatch: {deliveredAtSecondKill} mails received, {sentAtSecondKill} recorded Sent, {inFlightAtSecondKill} in flight (Sending). "
            + $"After the restart, all recorded Sent in {recovery.Elapsed.TotalSeconds:F0} s: {mails.Count} mails, {patientsReached} patients reached, "
            + $"lost {lost}, duplicates {duplicates}, distinct Message-Ids {messageIds}.");

        committedAtFirstKill.ShouldBe(0, "the first kill must land before the sweep's commit");
        runsAtFirstKill.ShouldBe(0);
        deliveredAtSecondKill.ShouldBeLessThan(InvoiceCount, "the second kill must land in the middle of dispatching");
        lost.ShouldBe(0);
        duplicates.ShouldBeLessThanOrEqualTo(inFlightAtSecondKill);
        messageIds.ShouldBe(patientsReached, "a resent mail keeps its original's Message-Id");
        recovery.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the messages in flight at the kill are taken back when their lease (30 s) ends");
        (await CountAsync(database, "SELECT COUNT(*) FROM ReminderStepRuns WHERE Outcome = 'Sent'")).ShouldBe(InvoiceCount);
    }

    /// <summary>
    /// A practice reachable at any hour of a weekday, in a time zone where it is a weekday and no French public holiday
    /// now (the test runs whenever it is started: the child app reads the system clock), and
    /// <see cref="InvoiceCount"/> patients with an e-mail address only, each owing an invoice due three days ago:
    /// the first courteous reminder is due for each.
    /// </summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var app = RelanceBotFactory.On(database);
        var now = DateTimeOffset.UtcNow;
        app.Clock.SetUtcNow(now);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var practice = (await services.GetRequiredService<AddPractice>()
            .HandleAsync("Cabinet Dupont", "Dr Dupont", null, null, null, null, null, CancellationToken.None)).Practice!;
        var db = services.GetRequiredService<RelanceBotDbContext>();
        var policy = CadencePolicy.DefaultFor(practice.Id, ContactWindowPolicy.DefaultTimeZoneId);
        policy.Apply(AnyHourOfAWeekday(ContactableTimeZone(now) ?? throw new InvalidOperationException("No time zone is on a weekday now.")), now);
        db.Add(policy);
        await db.SaveChangesAsync();

        var dueDate = policy.ToCalendar().LocalDate(now).AddDays(-3);
        var csv = new StringBuilder("patient_reference,first_name,last_name,date_of_birth,email,invoice_reference,amount,issue_date,due_date\n");
        for (var index = 0; index < InvoiceCount; index++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"P-{index},Jeanne,Martin{index},1980-02-03,patient{index}@example.fr,F-{index},45.00,")
                .Append(CultureInfo.InvariantCulture, $"{dueDate.AddDays(-30):yyyy-MM-dd},{dueDate:yyyy-MM-dd}\n");
        }

        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var report = await services.GetRequiredService<ImportInvoicesCsv>().HandleAsync(practice.Id, file, CancellationToken.None);
        report.Errors.ShouldBeEmpty();
    }

    /// <summary>A zone from UTC-12 to UTC+14 where the next hour is a contactable weekday, if any (none on Saturday afternoons, UTC).</summary>
    internal static string? ContactableTimeZone(DateTimeOffset now) =>
        new[] { "Europe/Paris", "America/Martinique", "Indian/Reunion", "Pacific/Tahiti", "Pacific/Noumea", "Etc/GMT+12", "Pacific/Kiritimati" }
            .FirstOrDefault(zone =>
            {
                var calendar = new ContactCalendar(new ContactWindowPolicy { Windows = AnyHourOfAWeekday(zone).ContactWindows, TimeZoneId = zone });
                return calendar.IsAllowed(now) && calendar.IsAllowed(now.AddHours(1));
            });

    internal static CadencePolicySettings AnyHourOfAWeekday(string zone) => new(
        true,
        DefaultCadence.Steps,
        [.. Enum.GetValues<DayOfWeek>().Where(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(day => new WeeklyContactWindow(day, TimeOnly.MinValue, TimeOnly.MaxValue))],
        zone,
        false,
        ContactQuota.Default.MaxContacts,
        (int)ContactQuota.Default.Period.TotalDays,
        CadencePolicy.DefaultLegalMinimumCents);

    /// <summary>
    /// Probes the database's write lock without waiting (BEGIN IMMEDIATE, busy timeout 0) and SIGKILLs the app as soon
    /// as it sees the lock held twice in a row with nothing committed yet: the sweep's transaction, which holds the
    /// writer from its first batch to its commit (the dispatcher's claims hold it for a fraction of a millisecond).
    /// Returns how many probes in a row saw it held.
    /// </summary>
    private static async Task<int> KillInsideTheSweepsWriteAsync(TestDatabase database, AppProcess app)
    {
        await using var probe = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        var deadline = Stopwatch.StartNew();
        var busyInARow = 0;
        while (deadline.Elapsed < SweepWait)
        {
            if (probe.State != System.Data.ConnectionState.Open)
            {
                try
                {
                    await probe.OpenAsync();
                    raw.sqlite3_busy_timeout(probe.Handle, 0);
                }
                catch (SqliteException)
                {
                    // The app is still creating the file or migrating.
                    await Task.Delay(50);
                    continue;
                }
            }

            var code = raw.sqlite3_exec(probe.Handle, "BEGIN IMMEDIATE");
            if (code == raw.SQLITE_OK)
            {
                raw.sqlite3_exec(probe.Handle, "ROLLBACK");
                busyInARow = 0;
                Thread.Sleep(1);
                continue;
            }

            if (code == raw.SQLITE_BUSY && ++busyInARow >= 2 && await NothingCommittedAsync(probe))
            {
                await app.KillAsync();
                return busyInARow;
            }

            Thread.Sleep(1);
        }

        throw new TimeoutException($"The sweep never held the writer within {SweepWait}. The app wrote:\n{app.Output}");
    }

    private static async Task<bool> NothingCommittedAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0;
    }

    private static async Task<int> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, AppProcess app, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Not reached within {timeout}: {what}. The app wrote:\n{app.Output}");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>
/// The reminders this test needs go out only on a weekday that is no public holiday in the practice's time zone, and
/// the child app reads the real clock: from Saturday noon to Sunday 10:00 UTC no zone is on a weekday, so the test
/// is skipped, saying why, rather than waiting for Monday.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WhileAPatientIsContactableSomewhereFactAttribute : FactAttribute
{
    public WhileAPatientIsContactableSomewhereFactAttribute()
    {
        if (SweepToSmtpCrashTests.ContactableTimeZone(DateTimeOffset.UtcNow) is null)
        {
            Skip = "No time zone is on a contactable weekday for the next hour; the sweep would send nothing.";
        }
    }
}
