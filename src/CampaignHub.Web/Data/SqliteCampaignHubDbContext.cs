using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>The model on SQLite, the embedded default; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteCampaignHubDbContext(DbContextOptions<SqliteCampaignHubDbContext> options, SaveRules rules)
    : CampaignHubDbContext(options, rules);
