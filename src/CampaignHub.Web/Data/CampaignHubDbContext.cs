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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignHubDbContext).Assembly);
    }
}
