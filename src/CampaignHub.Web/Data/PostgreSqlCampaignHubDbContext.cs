using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// The model on PostgreSQL (and the databases that speak its protocol); migrations in Data/Migrations/PostgreSql.
/// Times are stored as <c>timestamp without time zone</c>, as SQLite and SQL Server store them (see
/// <see cref="PostgreSqlTimestamps"/>).
/// </summary>
public sealed class PostgreSqlCampaignHubDbContext(DbContextOptions<PostgreSqlCampaignHubDbContext> options, SaveRules rules)
    : CampaignHubDbContext(options, rules)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite and SQL Server read an unquoted column name in any case; PostgreSQL folds it to lower case, where
        // there is no such column. The same filters with the name quoted, as the other filtered indexes write them.
        builder.Entity<MetricValue>().HasIndex(v => new { v.EventId, v.MetricDefinitionId }).HasFilter("\"EventId\" IS NOT NULL");
        builder.Entity<MetricValue>().HasIndex(v => new { v.CampaignId, v.UnitId, v.Date, v.MetricDefinitionId }).HasFilter("\"EventId\" IS NULL");
        builder.Entity<EventTally>().HasIndex(t => new { t.CampaignId, t.Span, t.Date, t.UnitId, t.Kind, t.Channel, t.Status, t.Events })
            .HasFilter("\"UnitId\" IS NOT NULL");
        builder.Entity<FigureTally>().HasIndex(t => new { t.CampaignId, t.MetricDefinitionId, t.Span, t.Date, t.UnitId, t.Value })
            .HasFilter("\"UnitId\" IS NOT NULL");
    }
}
