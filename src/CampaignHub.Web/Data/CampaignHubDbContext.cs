using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// The one model of CampaignHub. Each database provider has a sealed subclass only so that it can carry its own
/// migrations set (EF Core ties a migrations set to a context type); services use this base type. A context cannot
/// be made without the <see cref="SaveRules"/> of its scope, so no save escapes them.
/// </summary>
public abstract class CampaignHubDbContext(DbContextOptions options, SaveRules rules)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitCoordinator> UnitCoordinators => Set<UnitCoordinator>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<MetricDefinition> MetricDefinitions => Set<MetricDefinition>();

    public DbSet<CampaignEvent> Events => Set<CampaignEvent>();

    public DbSet<EventUnit> EventUnits => Set<EventUnit>();

    public DbSet<EventPhoto> EventPhotos => Set<EventPhoto>();

    public DbSet<MetricValue> MetricValues => Set<MetricValue>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DutyAssignment> DutyAssignments => Set<DutyAssignment>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<FinalisedReport> FinalisedReports => Set<FinalisedReport>();

    public DbSet<EventImport> EventImports => Set<EventImport>();

    public DbSet<ReportDraft> ReportDrafts => Set<ReportDraft>();

    public DbSet<EventTally> EventTallies => Set<EventTally>();

    public DbSet<FigureTally> FigureTallies => Set<FigureTally>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();

    public DbSet<UnitSubmission> UnitSubmissions => Set<UnitSubmission>();

    public DbSet<ReturnedItem> ReturnedItems => Set<ReturnedItem>();

    public DbSet<ReminderRequest> ReminderRequests => Set<ReminderRequest>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save goes through <see cref="SaveRules"/> (locks, versions, stamps, audit). Its audit rows need the keys
    /// the database assigns, so they are written after the rows, in the same transaction: the change and its audit
    /// entry are stored together or not at all. The report-lock check runs inside that transaction too, which holds
    /// the database's write lock from its start (<see cref="BeginWriteTransactionAsync"/>): a report finalised at the
    /// same moment (it takes the same lock, SummaryReportArchive) either sees this write in its snapshot or locks the
    /// period before this check reads it. The database is the lock, so this holds across app instances.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return await SaveThroughRulesAsync(token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), cancellationToken);
    }

    /// <summary>
    /// The same save for records that are all new, many at once (a spreadsheet import's events, their units and
    /// figures): the same locks, versions, stamps, audit entries and tallies, with the rows written by plain INSERTs
    /// (<see cref="AddedRowsWriter"/>) instead of EF's per-row pipeline. Changes and deletes are refused.
    /// </summary>
    public async Task<int> SaveAddedInBulkAsync(CancellationToken cancellationToken = default)
    {
        // Added records are tracked as they are added: with change detection off (the import turns it off), nothing
        // scans tens of thousands of them for changes that cannot be there.
        if (!ChangeTracker.Entries().Any())
        {
            return 0;
        }

        var count = await SaveThroughRulesAsync(token => AddedRowsWriter.WriteAsync(this, token), cancellationToken);
        ChangeTracker.AcceptAllChanges();
        return count;
    }

    private async Task<int> SaveThroughRulesAsync(Func<CancellationToken, Task<int>> writeRows, CancellationToken cancellationToken)
    {
        var ownTransaction = Database.CurrentTransaction is null
            ? await BeginWriteTransactionAsync(cancellationToken)
            : null;
        try
        {
            if (Database.IsSqlServer())
            {
                // Held to the end of whichever transaction this save is part of (its own, an import's, a duty's):
                // a report being finalised holds it exclusively, so no save slips between its snapshot and its lock.
                await Database.TakeApplicationLockAsync(SaveLock, exclusive: false, SaveLockTimeout, cancellationToken);
            }
            else if (Database.IsNpgsql() && ownTransaction is null)
            {
                // Part of a transaction begun elsewhere (an import's, a duty's, the seeder's): it becomes the one
                // writer from its first save to its end, as on SQLite. Its own transaction took the lock already.
                await Database.TakeAdvisoryLockAsync(SaveLock, SaveLockTimeout, cancellationToken);
            }

            var save = await rules.PrepareAsync(this, cancellationToken);
            var count = await writeRows(cancellationToken);
            if (save.WritesAfter)
            {
                await save.WriteAfterAsync(this, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The application lock (SQL Server) every save holds shared and finalising holds exclusively; on PostgreSQL the
    /// advisory lock every write transaction holds exclusively (<see cref="BeginWriteTransactionAsync"/>).
    /// </summary>
    private const string SaveLock = "CampaignHub.Saves";

    private static readonly TimeSpan SaveLockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A transaction that is the only writer from its first statement: SQLite's <c>BEGIN IMMEDIATE</c> (what its
    /// provider issues for a non-deferred transaction), SQL Server's serializable isolation (its range locks on what
    /// the transaction read). Reads before the first write cannot go stale.
    /// </summary>
    /// <param name="excludingOtherWriters">
    /// Finalising a report: on SQL Server, where writers do not exclude each other as in SQLite and the report's
    /// figures are read through other connections, an exclusive application lock that every save holds shared
    /// (<see cref="SaveChangesAsync(bool, CancellationToken)"/>), so no save can land between the snapshot and the lock
    /// row, and saves still run side by side otherwise. Not exercised here: no SQL Server runs on this machine.
    /// </param>
    /// <remarks>
    /// PostgreSQL's serializable isolation does not wait: of two transactions that read what the other writes, one
    /// fails at commit (40001), which users would see as a server error. There a write transaction reads committed
    /// data and first takes one advisory lock exclusively, so writers take turns as on SQLite, across any number of app
    /// instances, and every read after the lock sees what the writer before it committed; readers never wait.
    /// </remarks>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteTransactionAsync(
        CancellationToken cancellationToken = default, bool excludingOtherWriters = false)
    {
        if (Database.IsNpgsql())
        {
            var writer = await Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            await Database.TakeAdvisoryLockAsync(SaveLock, SaveLockTimeout, cancellationToken);
            return writer;
        }

        var transaction = await Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        if (excludingOtherWriters && Database.IsSqlServer())
        {
            await Database.TakeApplicationLockAsync(SaveLock, exclusive: true, SaveLockTimeout, cancellationToken);
        }

        return transaction;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignHubDbContext).Assembly);
    }
}
