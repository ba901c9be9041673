using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// The one model of CampaignHub. Each database provider has a sealed subclass only so that it can carry its own
/// migrations set (EF Core ties a migrations set to a context type); services use this base type.
/// </summary>
public abstract class CampaignHubDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<CommitteeCoordinator> CommitteeCoordinators => Set<CommitteeCoordinator>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<MetricDefinition> MetricDefinitions => Set<MetricDefinition>();

    public DbSet<CampaignEvent> Events => Set<CampaignEvent>();

    public DbSet<EventCommittee> EventCommittees => Set<EventCommittee>();

    public DbSet<EventPhoto> EventPhotos => Set<EventPhoto>();

    public DbSet<MetricValue> MetricValues => Set<MetricValue>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DutyAssignment> DutyAssignments => Set<DutyAssignment>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<FinalisedReport> FinalisedReports => Set<FinalisedReport>();

    /// <summary>Who is saving; services set it so the audit trail names the user. Null for system work (seeding).</summary>
    public AuditActor? Actor { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows need the keys the database assigns, so they are written by a second save in the same
        // transaction: the change and its audit entry are stored together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = DateTime.UtcNow;
            await AuditWriter.WriteAsync(this, pending.Select(p => p.ToEntry(Actor, at)).ToList(), cancellationToken);

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

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                if (entry.Entity is CampaignEvent changed)
                {
                    changed.CalendarSequence++;
                }
            }
            else if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignHubDbContext).Assembly);
    }
}
