using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RelanceBot.Alerts;
using RelanceBot.Benchmarks;
using RelanceBot.Conversations;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders;

// Sweep load driver: dotnet run -c Release --project benchmarks/RelanceBot.Benchmarks -- <total invoices> <due invoices>
// Seeds a SQLite file (raw ADO in one transaction), warms up with a few sweeps over other invoices in the minutes before
// (the service sweeps every minute in a long-lived process: its code is compiled and optimised, its queries cached),
// then times one sweep that finds and enqueues the due ones.
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var now = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero); // Tuesday, 11:00 in Paris
const int WarmUpSweeps = 3;
const int WarmUp = WarmUpSweeps * SweepDueReminders.BatchSize;
var clock = new FixedTimeProvider(now);
var directory = Directory.CreateTempSubdirectory("relancebot-bench-");
var connectionString = $"Data Source={Path.Combine(directory.FullName, "bench.db")}";
try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        ContentRootPath = Path.Combine(AppContext.BaseDirectory),
        EnvironmentName = "Production",
    });
    builder.Configuration["Database:Provider"] = "Sqlite";
    builder.Configuration["ConnectionStrings:RelanceBot"] = connectionString;
    builder.Logging.ClearProviders();
    builder.AddPersistence();
    builder.Services.AddSingleton<TimeProvider>(clock);
    builder.Services.AddAlerts();
    builder.Services.AddOutbox();
    builder.Services.AddScoped<ConversationLinker>();
    builder.Services.AddOptions<PaymentsOptions>();
    builder.Services.AddScoped<IPaymentLinks, PaymentLinks>();
    builder.Services.AddReminders();
    using var host = builder.Build();
    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

    var seeding = Stopwatch.StartNew();
    await SeedAsync(host.Services, total, due, now);
    Console.WriteLine($"Seeded {total:N0} invoices ({due:N0} due) in {seeding.Elapsed.TotalSeconds:F1} s");

    var sweep = host.Services.GetRequiredService<SweepDueReminders>();
    for (var before = WarmUpSweeps; before > 0; before--)
    {
        clock.Now = WarmUpSweepAt(now, before);
        var warmUp = await sweep.RunAsync(CancellationToken.None);
        Console.WriteLine($"Warm-up sweep at {clock.Now:HH:mm} UTC: {warmUp.InvoicesExamined:N0} examined, {warmUp.MessagesEnqueued:N0} enqueued");
    }

    // The minute between two sweeps, shortened: the runtime recompiles the hot methods in the background.
    await Task.Delay(TimeSpan.FromSeconds(3), TimeProvider.System);
    clock.Now = now;

    // The build machine is shared: the process's CPU time shows the sweep's own cost when the wall clock waits for cores.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    var result = await sweep.RunAsync(CancellationToken.None);
    timer.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"Sweep: {result.InvoicesExamined:N0} examined, {result.MessagesEnqueued:N0} enqueued in {timer.Elapsed.TotalMilliseconds:F0} ms"
        + $" ({cpu.TotalMilliseconds:F0} ms CPU, {result.MessagesEnqueued / timer.Elapsed.TotalSeconds:N0} invoices/s)");

    timer.Restart();
    var again = await sweep.RunAsync(CancellationToken.None);
    Console.WriteLine($"Second sweep (nothing due): {again.InvoicesExamined:N0} examined in {timer.Elapsed.TotalMilliseconds:F0} ms");
}
finally
{
    SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);
}

static async Task SeedAsync(IServiceProvider services, int total, int due, DateTimeOffset now)
{
    Guid practiceId;
    var patientIds = new List<Guid>(due + WarmUp);
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var practice = Practice.Create("Cabinet Benchmark", "Dr Bench", "Europe/Paris", null, now.AddYears(-1));
        db.Practices.Add(practice);
        var policy = CadencePolicy.DefaultFor(practice.Id, "Europe/Paris");
        policy.Apply(policy.ToSettings() with { IsEnabled = true }, now.AddYears(-1));
        db.Add(policy);
        // One patient per due or warm-up invoice, so the contact quota does not hold messages back.
        for (var index = 0; index < due + WarmUp; index++)
        {
            var patient = Patient.Create(practice.Id, $"P-{index}", new PatientDetails(
                "Jeanne", "Martin", new DateOnly(1980, 1, 1), $"+3361{index:D8}", null, PatientLanguage.French, false), now.AddYears(-1));
            db.Patients.Add(patient);
            patientIds.Add(patient.Id);
        }

        await db.SaveChangesAsync();
        practiceId = practice.Id;
    }

    await using var connection = new SqliteConnection(services.GetRequiredService<IConfiguration>().GetConnectionString("RelanceBot"));
    await connection.OpenAsync();
    // Seeding only: no fsync, and a cache big enough to keep the indexes being filled in memory.
    await using (var pragmas = connection.CreateCommand())
    {
        pragmas.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
        await pragmas.ExecuteNonQueryAsync();
    }

    await using var transaction = connection.BeginTransaction();
    var invoice = connection.CreateCommand();
    invoice.Transaction = transaction;
    // Prepared once, executed per row: parsing the SQL a million times would dominate.
    invoice.CommandText = """
        INSERT INTO "Invoices" ("Id","PracticeId","PatientId","ExternalReference","AmountDueCents","AmountPaidCents","Currency",
            "IssueDate","DueDate","Status","IsFeeOverrun","CreatedAt","UpdatedAt","Version")
        VALUES ($id,$practice,$patient,$reference,12000,0,'EUR',$issue,$due,'Open',0,$created,$created,$version);
        INSERT INTO "ReminderSchedules" ("InvoiceId","PracticeId","NextReminderAt") VALUES ($id,$practice,$wake);
        INSERT INTO "PaymentLinks" ("Id","PracticeId","InvoiceId","Token","CreatedAt") VALUES ($link,$practice,$id,$token,$created);
        """;
    var id = invoice.Parameters.Add("$id", SqliteType.Text);
    invoice.Parameters.AddWithValue("$practice", Text(practiceId));
    var patientParameter = invoice.Parameters.Add("$patient", SqliteType.Text);
    var reference = invoice.Parameters.Add("$reference", SqliteType.Text);
    var issue = invoice.Parameters.Add("$issue", SqliteType.Text);
    var dueDate = invoice.Parameters.Add("$due", SqliteType.Text);
    invoice.Parameters.AddWithValue("$created", Instant(now.AddDays(-60)));
    var version = invoice.Parameters.Add("$version", SqliteType.Text);
    var wake = invoice.Parameters.Add("$wake", SqliteType.Text);
    // Intake issues every invoice's pay link with it.
    var link = invoice.Parameters.Add("$link", SqliteType.Text);
    var token = invoice.Parameters.Add("$token", SqliteType.Text);
    invoice.Prepare();
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    for (var index = 0; index < total; index++)
    {
        var isDue = index < due;
        var warmUpIndex = index - due;
        var isWarmUp = warmUpIndex is >= 0 and < WarmUp;
        // Due yesterday (D+1 due now) or in the future, woken long after now.
        var date = isDue || isWarmUp ? today.AddDays(-1) : today.AddDays(20 + (index % 300));
        id.Value = Text(Guid.NewGuid());
        patientParameter.Value = Text(patientIds[index % patientIds.Count]);
        reference.Value = $"F-{index}";
        issue.Value = date.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        dueDate.Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        version.Value = Text(Guid.NewGuid());
        link.Value = Text(Guid.NewGuid());
        token.Value = PaymentLink.Issue(practiceId, Guid.Empty, now).Token;
        wake.Value = Instant(
            isDue ? now.AddMinutes(-1)
            : isWarmUp ? WarmUpSweepAt(now, 1 + (warmUpIndex / SweepDueReminders.BatchSize)).AddMinutes(-1)
            : new DateTimeOffset(date.AddDays(-5).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        invoice.ExecuteNonQuery();
    }

    await transaction.CommitAsync();
    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE";
    await analyze.ExecuteNonQueryAsync();
}

// Warm-up sweeps run in the minutes before the measured one (inside the contact window), each over one batch of its
// own invoices.
static DateTimeOffset WarmUpSweepAt(DateTimeOffset now, int sweepsBefore) => now.AddMinutes(-10 * sweepsBefore);

// As EF Core's SQLite provider stores them.
static string Text(Guid guid) => guid.ToString().ToUpperInvariant();

static string Instant(DateTimeOffset instant) =>
    instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
