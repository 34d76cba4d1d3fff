using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Benchmarks;
using RelanceBot.Conversations;
using RelanceBot.Delivery;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Persistence.Sqlite;

// Sweep load driver: dotnet run -c Release --project benchmarks/RelanceBot.Benchmarks -- <total invoices> <due invoices> [rounds] [random-ids]
// Seeds a SQLite file (raw ADO in one transaction), then replays a service that sweeps every minute: 120 small sweeps,
// four sweeps of <due> invoices to warm up (the runtime optimises a method after enough calls, and a long-lived service
// runs its sweep code all day), then [rounds] measured sweeps of <due> invoices each, a minute apart.
// Invoice ids are time-ordered, as the app creates them at intake; random-ids seeds them in random order instead (as if
// every invoice had been imported at once, in an order unrelated to their due dates: the least local case).
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var randomIds = args.Length > 3 && args[3] == "random-ids";
var timeline = new SweepTimeline(new DateTimeOffset(2026, 3, 3, 16, 0, 0, TimeSpan.Zero), due, rounds); // Tuesday, 17:00 in Paris: the small sweeps run from 15:00, all in the afternoon contact window
if (total < timeline.Invoices)
{
    Console.Error.WriteLine($"Use at least {timeline.Invoices:N0} invoices in total for {due:N0} due and {rounds} rounds.");
    return 1;
}

var clock = new FixedTimeProvider(timeline.FirstSweep);
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
    builder.Services.AddAuditing();
    builder.Services.AddSingleton<TimeProvider>(clock);
    builder.Services.AddAlerts();
    builder.Services.AddOutbox();
    builder.Services.AddDelivery();
    builder.Services.AddPatients();
    builder.Services.AddScoped<ConversationLinker>();
    builder.Services.AddOptions<PaymentsOptions>();
    builder.Services.AddScoped<IPaymentLinks, PaymentLinks>();
    builder.Services.AddReminders();
    using var host = builder.Build();
    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

    var seeding = Stopwatch.StartNew();
    await SeedAsync(host.Services, total, timeline, randomIds);
    await SettleAsync(connectionString);
    Console.WriteLine($"Seeded {total:N0} invoices ({due:N0} due per round, {(randomIds ? "random" : "time-ordered")} ids) in {seeding.Elapsed.TotalSeconds:F1} s");

    var sweep = host.Services.GetRequiredService<SweepDueReminders>();
    var checkpointer = host.Services.GetRequiredService<SqliteCheckpointer>();
    foreach (var (at, expected) in timeline.WarmUpSweeps)
    {
        if (expected == due)
        {
            await PauseAsync(checkpointer);
        }

        clock.Now = at;
        var warmUp = await sweep.RunAsync(CancellationToken.None);
        if (warmUp.MessagesEnqueued != expected)
        {
            throw new InvalidOperationException($"The warm-up sweep at {at:HH:mm} enqueued {warmUp.MessagesEnqueued} messages, not {expected}.");
        }
    }

    Console.WriteLine($"Warmed up: {SweepTimeline.SmallSweeps} sweeps of {SweepTimeline.SmallSweepInvoices} invoices, {SweepTimeline.WarmUpRounds} of {due:N0}");
    for (var round = 1; round <= rounds; round++)
    {
        await PauseAsync(checkpointer);
        clock.Now = timeline.MeasuredRoundAt(round);
        // The build machine is shared: the process's CPU time shows the sweep's own cost when the wall clock waits for cores.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (allocated, paused, collections) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var timer = Stopwatch.StartNew();
        var result = await sweep.RunAsync(CancellationToken.None);
        timer.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"Sweep {round}: {result.InvoicesExamined:N0} examined, {result.MessagesEnqueued:N0} enqueued in {timer.Elapsed.TotalMilliseconds:F0} ms"
            + $" ({cpu.TotalMilliseconds:F0} ms CPU, {result.MessagesEnqueued / timer.Elapsed.TotalSeconds:N0} invoices/s;"
            + $" GC: {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated, {GC.CollectionCount(0) - collections} collections,"
            + $" {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused)");
    }

    var timerAgain = Stopwatch.StartNew();
    var again = await sweep.RunAsync(CancellationToken.None);
    Console.WriteLine($"Sweep with nothing due: {again.InvoicesExamined:N0} examined in {timerAgain.Elapsed.TotalMilliseconds:F0} ms");
    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);
}

// The minute between two full-size sweeps, shortened: the runtime finishes optimising in the background, and the app's
// checkpointer (on a timer the fixed clock here does not run) copies the log back into the database.
static async Task PauseAsync(SqliteCheckpointer checkpointer)
{
    await checkpointer.CheckpointAsync(CancellationToken.None);
    await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
}

// Seeding writes gigabytes without waiting for the disk: copied into the database file and flushed before the warm-up,
// so the kernel's write-back of the seed does not run during the measured sweeps.
static async Task SettleAsync(string connectionString)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var checkpoint = connection.CreateCommand())
    {
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    await using var file = new FileStream(connection.DataSource, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
    file.Flush(flushToDisk: true);
}

static async Task SeedAsync(IServiceProvider services, int total, SweepTimeline timeline, bool randomIds)
{
    const int PaymentTermDays = 30;
    Guid practiceId;
    var patientIds = new List<Guid>(timeline.Patients);
    var longAgo = timeline.FirstSweep.AddYears(-1);
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var practice = Practice.Create("Cabinet Benchmark", "Dr Bench", "Europe/Paris", null, longAgo);
        db.Practices.Add(practice);
        var policy = CadencePolicy.DefaultFor(practice.Id, "Europe/Paris");
        policy.Apply(policy.ToSettings() with { IsEnabled = true }, longAgo);
        db.Add(policy);
        for (var index = 0; index < timeline.Patients; index++)
        {
            var patient = Patient.Create(practice.Id, $"P-{index}", new PatientDetails(
                "Jeanne", "Martin", new DateOnly(1980, 1, 1), $"+3361{index:D8}", null, PatientLanguage.French, false), longAgo);
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
    // Prepared once, executed per row: parsing the SQL a million times would dominate. Intake issues every invoice's
    // pay link with it.
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
    var createdAt = invoice.Parameters.Add("$created", SqliteType.Text);
    var version = invoice.Parameters.Add("$version", SqliteType.Text);
    var wake = invoice.Parameters.Add("$wake", SqliteType.Text);
    var link = invoice.Parameters.Add("$link", SqliteType.Text);
    var token = invoice.Parameters.Add("$token", SqliteType.Text);
    invoice.Prepare();
    var today = DateOnly.FromDateTime(timeline.FirstSweep.UtcDateTime);
    for (var index = 0; index < total; index++)
    {
        // Swept ones fell due yesterday (D+1 is due now); the others were issued over the past year and wake long after
        // the rounds. Intake creates an invoice (and its pay link) on its issue date, with a time-ordered id: invoices
        // issued the same day sit together in every index keyed by invoice id.
        var sweptAt = timeline.SweptAt(index);
        var issueDate = sweptAt is null ? today.AddDays(-1 - (index % 330)) : today.AddDays(-1 - PaymentTermDays);
        var created = new DateTimeOffset(issueDate.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddSeconds(index % 36_000);
        id.Value = Text(randomIds ? Guid.NewGuid() : Guid.CreateVersion7(created));
        patientParameter.Value = Text(patientIds[timeline.PatientOf(index)]);
        reference.Value = $"F-{index}";
        issue.Value = issueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        dueDate.Value = issueDate.AddDays(PaymentTermDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        createdAt.Value = Instant(created);
        version.Value = Text(Guid.NewGuid());
        link.Value = Text(randomIds ? Guid.NewGuid() : Guid.CreateVersion7(created));
        token.Value = PaymentLink.Issue(practiceId, Guid.Empty, timeline.FirstSweep).Token;
        wake.Value = Instant(sweptAt?.AddSeconds(-1) ?? timeline.FirstSweep.AddDays(1 + (index % 30)));
        invoice.ExecuteNonQuery();
    }

    await transaction.CommitAsync();
    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE";
    await analyze.ExecuteNonQueryAsync();
}

// As EF Core's SQLite provider stores them.
static string Text(Guid guid) => guid.ToString().ToUpperInvariant();

static string Instant(DateTimeOffset instant) =>
    instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
