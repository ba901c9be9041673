using CampaignHub.Web.Data.Seeding.Shanxi;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// Demo data (Seed:Demo): the Shanxi Anti-Cancer Association's 27th National Cancer Prevention Week, 2021-04-15..21,
/// with its 25 units, partners, the events its summary narrates and the ordinary events and figures behind its
/// closing totals (<see cref="ShanxiWeekPlan"/>). Stored as ordinary rows, as coordinators would have logged them;
/// only once (<see cref="DemoDataSeeder"/> decides whether demo data is loaded at all).
/// </summary>
internal sealed partial class ShanxiDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<ShanxiDemoSeeder> logger)
{
    /// <summary>As the association names the week; edition and year are fields of their own.</summary>
    public const string CampaignName = "4.15全国肿瘤防治宣传周";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AnyAsync(c => c.Name == CampaignName, cancellationToken))
        {
            return;
        }

        var plan = ShanxiWeekPlan.Build();
        var metrics = await DemoRows.MetricsAsync(db, plan.Events.SelectMany(e => e.Figures.Keys).Concat(plan.Entries.Select(e => e.Metric)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisations = await DemoRows.OrganisationsAsync(db, ShanxiOrganisations.All, cancellationToken);
        var units = await DemoRows.UnitsAsync(db, ShanxiUnits.All.Select(u => new DemoUnitRow(u.Name, u.NameEn)).ToList(), organisations, cancellationToken);
        var campaign = new Campaign
        {
            Name = CampaignName,
            NameEn = "National Cancer Prevention Week",
            Theme = "点亮癌症之路 助力健康中国",
            ThemeEn = "Light the way against cancer, support a Healthy China",
            Edition = "第27届",
            EditionEn = "27th",
            Description = ShanxiNarratedEvents.Description,
            DescriptionEn = ShanxiNarratedEvents.DescriptionEn,
            ReportingMedia = string.Join("、", ShanxiOrganisations.ReportingMedia),
            ReportingMediaEn = string.Join(", ", ShanxiOrganisations.ReportingMedia.Select(m => ShanxiOrganisations.All.Single(o => o.Name == m).NameEn)),
            StartDate = ClosingTotals.WeekStart,
            EndDate = ClosingTotals.WeekEnd,
            Organisers = DemoRows.Organisers(organisations, OrganiserRole.Organiser, [.. ShanxiOrganisations.CampaignOrganisers]).ToList(),
            Units = units.Values.Select(c => new CampaignUnit { Unit = c }).ToList(),
        };
        db.Campaigns.Add(campaign);
        // Figures carry the campaign's id (no navigation), so the campaign is stored first, in the same transaction.
        await db.SaveChangesAsync(cancellationToken);

        db.Events.AddRange(plan.Events.Select(e => DemoRows.Event(e, campaign.Id, units, organisations, metrics)));
        db.MetricValues.AddRange(plan.Entries.Select(e => DemoRows.Entry(e, campaign.Id, units, metrics)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, CampaignName, plan.Events.Count, plan.Events.Sum(e => e.Figures.Count) + plan.Entries.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo campaign {Campaign}: {Events} events, {Figures} figures.")]
    private static partial void LogSeeded(ILogger logger, string campaign, int events, int figures);
}
