using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>The model on SQL Server, for production; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCampaignHubDbContext(DbContextOptions<SqlServerCampaignHubDbContext> options, SaveRules rules)
    : CampaignHubDbContext(options, rules);
