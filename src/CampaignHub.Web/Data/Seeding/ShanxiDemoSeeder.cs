using CampaignHub.Web.Data.Seeding.Shanxi;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// Demo data (Seed:Demo): the Shanxi Anti-Cancer Association's 27th National Cancer Prevention Week, 2021-04-15..21,
/// with its 25 units, partners, the events its summary narrates and the ordinary events and figures behind its
/// closing totals (<see cref="ShanxiWeekPlan"/>). Stored as ordinary rows, as coordinators would have logged them;
/// only on a database without campaigns, so restarts and real data are left alone.
/// </summary>
internal sealed partial class ShanxiDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<ShanxiDemoSeeder> logger)
{
    /// <summary>As the association names the week; edition and year are fields of their own.</summary>
    public const string CampaignName = "4.15全国肿瘤防治宣传周";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }

        var plan = ShanxiWeekPlan.Build();
        var metrics = await db.MetricDefinitions.ToDictionaryAsync(m => m.Code, cancellationToken);
        var missing = plan.Events.SelectMany(e => e.Figures.Keys).Concat(plan.Entries.Select(e => e.Metric)).Distinct()
            .Where(code => !metrics.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The demo data needs the metrics {string.Join(", ", missing)}, which the catalogue lacks.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = await UnitsAsync(db, cancellationToken);
        var organisations = await OrganisationsAsync(db, cancellationToken);
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
            Organisers = ShanxiOrganisations.CampaignOrganisers
                .Select((name, i) => new CampaignOrganiser { Organisation = organisations[name], SortOrder = i }).ToList(),
            Units = units.Values.Select(c => new CampaignUnit { Unit = c }).ToList(),
        };
        db.Campaigns.Add(campaign);
        // Figures carry the campaign's id (no navigation), so the campaign is stored first, in the same transaction.
        await db.SaveChangesAsync(cancellationToken);

        var figureCount = 0;
        foreach (var planned in plan.Events)
        {
            var host = planned.Host is { } hostName ? organisations[hostName] : null;
            var entity = new CampaignEvent
            {
                CampaignId = campaign.Id,
                Title = planned.Title,
                Kind = planned.Kind,
                Channel = planned.Channel,
                Platform = planned.Platform,
                PlatformDetail = planned.PlatformDetail,
                StartsAt = planned.Start,
                EndsAt = planned.End,
                HostOrganisation = host,
                Venue = planned.Venue is { } venue ? host!.Venues.Single(v => v.Name == venue) : null,
                Location = planned.Location,
                SeriesName = planned.SeriesName,
                StopNumber = planned.StopNumber,
                Narrative = planned.Narrative,
                SectionGroup = planned.SectionGroup,
                Status = EventStatus.Held,
                Highlight = planned.Highlight,
                Units = planned.Units.Select(name => new EventUnit { Unit = units[name] }).ToList(),
            };
            // As the figures form stores them: each value dated by its event's start, under its campaign.
            entity.Figures.AddRange(planned.Figures.Select(f => new MetricValue
            {
                CampaignId = campaign.Id,
                Metric = metrics[f.Key],
                Date = DateOnly.FromDateTime(planned.Start),
                Value = f.Value,
            }));
            figureCount += entity.Figures.Count;
            db.Events.Add(entity);
        }

        db.MetricValues.AddRange(plan.Entries.Select(e => new MetricValue
        {
            CampaignId = campaign.Id,
            Unit = units[e.Unit],
            Metric = metrics[e.Metric],
            Date = e.Date,
            Value = e.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, CampaignName, plan.Events.Count, figureCount + plan.Entries.Count);
    }

    /// <summary>The 25 units by name; ones that already exist (an admin made them first) are reused.</summary>
    private static async Task<Dictionary<string, Unit>> UnitsAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        var names = ShanxiUnits.All.Select(c => c.Name).ToList();
        var existing = await db.Units.Where(c => names.Contains(c.Name)).ToDictionaryAsync(c => c.Name, cancellationToken);
        foreach (var unit in ShanxiUnits.All.Where(c => !existing.ContainsKey(c.Name)))
        {
            existing[unit.Name] = db.Units.Add(new Unit { Name = unit.Name, NameEn = unit.NameEn }).Entity;
        }

        return ShanxiUnits.All.ToDictionary(c => c.Name, c => existing[c.Name]);
    }

    /// <summary>The association, its partners and the media, with their venues; existing ones (by name) are reused.</summary>
    private static async Task<Dictionary<string, Organisation>> OrganisationsAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        var names = ShanxiOrganisations.All.Select(o => o.Name).ToList();
        var existing = await db.Organisations.Include(o => o.Venues).Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var planned in ShanxiOrganisations.All)
        {
            if (!existing.TryGetValue(planned.Name, out var organisation))
            {
                organisation = new Organisation
                {
                    Name = planned.Name,
                    NameEn = planned.NameEn,
                    Kind = planned.Kind,
                    Address = planned.Address,
                    Parent = planned.Parent is { } parent ? existing[parent] : null,
                };
                existing[planned.Name] = db.Organisations.Add(organisation).Entity;
            }

            foreach (var venue in planned.Venues.Where(v => organisation.Venues.All(known => known.Name != v)))
            {
                organisation.Venues.Add(new Venue { Name = venue, Address = planned.Address });
            }
        }

        return existing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo campaign {Campaign}: {Events} events, {Figures} figures.")]
    private static partial void LogSeeded(ILogger logger, string campaign, int events, int figures);
}
