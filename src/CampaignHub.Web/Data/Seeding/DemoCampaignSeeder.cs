using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// One campaign of a source report as its organisers would have logged it: organisations, units, the campaign
/// (built from the stored organisations), its events with their people and figures, campaign-level figures and the
/// awards it gave.
/// </summary>
internal sealed record DemoCampaignPlan(
    IReadOnlyList<DemoOrganisation> Organisations,
    IReadOnlyList<DemoUnitRow> Units,
    Func<IReadOnlyDictionary<string, Organisation>, Campaign> Campaign,
    IReadOnlyList<DemoEvent> Events)
{
    public IReadOnlyList<DemoEntry> Entries { get; init; } = [];

    public IReadOnlyList<DemoAward> Awards { get; init; } = [];
}

/// <summary>An award and who received it, given at the event of that title (or at none).</summary>
internal sealed record DemoAward(string Name, string NameEn, string? AtEvent = null, int? RecipientCount = null)
{
    public IReadOnlyList<AwardRecipient> Recipients { get; init; } = [];
}

/// <summary>
/// Stores a <see cref="DemoCampaignPlan"/> as ordinary rows in one transaction, once: a campaign of the same name
/// already there (a restart) is left as it is. The plan's units all take part in the campaign.
/// </summary>
internal abstract partial class DemoCampaignSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger logger)
{
    protected abstract string Name { get; }

    protected abstract DemoCampaignPlan Plan();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AnyAsync(c => c.Name == Name, cancellationToken))
        {
            return;
        }

        var plan = Plan();
        var metrics = await DemoRows.MetricsAsync(db, plan.Events.SelectMany(e => e.Figures.Keys).Concat(plan.Entries.Select(e => e.Metric)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisations = await DemoRows.OrganisationsAsync(db, plan.Organisations, cancellationToken);
        var units = await DemoRows.UnitsAsync(db, plan.Units, organisations, cancellationToken);
        var campaign = plan.Campaign(organisations);
        campaign.Units = units.Values.Select(u => new CampaignUnit { Unit = u }).ToList();
        db.Campaigns.Add(campaign);
        // Figures carry the campaign's id (no navigation), so the campaign is stored first, in the same transaction.
        await db.SaveChangesAsync(cancellationToken);

        var events = plan.Events.Select(e => DemoRows.Event(e, campaign.Id, units, organisations, metrics)).ToList();
        db.Events.AddRange(events);
        db.MetricValues.AddRange(plan.Entries.Select(e => DemoRows.Entry(e, campaign.Id, units, metrics)));
        db.Set<CampaignAward>().AddRange(plan.Awards.Select((award, i) => new CampaignAward
        {
            CampaignId = campaign.Id,
            Name = award.Name,
            NameEn = award.NameEn,
            Event = award.AtEvent is { } title ? events.Single(e => e.Title == title) : null,
            RecipientCount = award.RecipientCount,
            SortOrder = i,
            Recipients = award.Recipients.ToList(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, Name, events.Count, plan.Events.Sum(e => e.Figures.Count) + plan.Entries.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo campaign {Campaign}: {Events} events, {Figures} figures.")]
    private static partial void LogSeeded(ILogger logger, string campaign, int events, int figures);
}
