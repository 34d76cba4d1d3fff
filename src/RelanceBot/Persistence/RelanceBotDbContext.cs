using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Conversations;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Practices;
using RelanceBot.Reminders;
using RelanceBot.Teams.Linking;

namespace RelanceBot.Persistence;

/// <summary>
/// The application's unit of work. The model is provider-neutral; each provider has a small derived context only so
/// that it can own its own set of migrations (EF needs one set per provider).
/// </summary>
public abstract class RelanceBotDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Who the changes saved through this context are made by: the actor of the scope that leased it. Contexts are
    /// pooled across scopes, so the audit interceptor (a singleton) reads it here at save time.
    /// </summary>
    public IAuditActor AuditActor { get; internal set; } = new ScopedAuditActor();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Staff> Staff => Set<Staff>();

    public DbSet<PracticeApiKey> PracticeApiKeys => Set<PracticeApiKey>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<PatientChannel> PatientChannels => Set<PatientChannel>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();

    public DbSet<ConversationLinkToken> ConversationLinkTokens => Set<ConversationLinkToken>();

    public DbSet<ConversationState> ConversationStates => Set<ConversationState>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StaffAlert> StaffAlerts => Set<StaffAlert>();

    public DbSet<TeamsLinkCode> TeamsLinkCodes => Set<TeamsLinkCode>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<CadencePolicy> CadencePolicies => Set<CadencePolicy>();

    public DbSet<ReminderSchedule> ReminderSchedules => Set<ReminderSchedule>();

    public DbSet<ReminderStepRun> ReminderStepRuns => Set<ReminderStepRun>();

    /// <summary>
    /// Changes are detected once per save, here: the save interceptors (versions, audit, reminder wake-ups) and EF
    /// itself then read the change tracker as detected, instead of each scanning every tracked property again. What an
    /// interceptor changes, it changes through the tracker (entries, <c>Add</c>) or detects on that entry itself.
    /// </summary>
    public sealed override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        using var _ = ChangeTracker.SuspendDetection();
        return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public sealed override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        using var _ = ChangeTracker.SuspendDetection();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The save itself, once changes are detected; a provider may queue it (SQLite's single writer).</summary>
    protected virtual Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// Whether other instances of the app may work on this database at the same time (PostgreSQL): queries that claim
    /// work must then step over rows another instance is claiming. Asked of the context rather than of the provider's
    /// extension methods, which would load the PostgreSQL provider's assembly into a SQLite app.
    /// </summary>
    public virtual bool SharedByInstances => false;

    /// <summary>
    /// Begins a transaction for a unit of work that writes more than one SaveChanges (bulk inserts, set-based updates,
    /// then SaveChanges). The provider adds what a writer needs: on SQLite, this process's single writer slot.
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// For a batch job that reads or writes far more pages than a unit of work usually does (the reminder sweep): on
    /// SQLite, widens the connection's page cache until the returned handle is disposed.
    /// </summary>
    public virtual Task<IAsyncDisposable> WidenPageCacheAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToRestore.Instance);

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RelanceBotDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
}
