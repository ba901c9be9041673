using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>The model on SQL Server, for production; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCampaignHubDbContext(DbContextOptions<SqlServerCampaignHubDbContext> options, SaveRules rules)
    : CampaignHubDbContext(options, rules)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // A bit column is not a condition on its own in T-SQL.
        builder.Entity<MetricValue>().HasIndex(v => new { v.CampaignId, v.Date }).HasFilter("[IsEstimate] = 1");
    }
}
