using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// Turns a demo plan's named organisations, units and events into ordinary rows, as the app's forms would store
/// them: one rule for every demo seeder. Organisations and units that already exist (by name) are reused, so two
/// demos that share a partner, or an admin who made one first, do not collide.
/// </summary>
internal static class DemoRows
{
    /// <summary>The catalogue's metrics by code; fails naming the codes a plan needs and the catalogue lacks.</summary>
    public static async Task<Dictionary<string, MetricDefinition>> MetricsAsync(
        CampaignHubDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var metrics = await db.MetricDefinitions.ToDictionaryAsync(m => m.Code, cancellationToken);
        var missing = codes.Distinct().Where(code => !metrics.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The demo data needs the metrics {string.Join(", ", missing)}, which the catalogue lacks.");
        }

        return metrics;
    }

    /// <summary>The plan's organisations with their venues by name; a parent must come before its campuses.</summary>
    public static async Task<Dictionary<string, Organisation>> OrganisationsAsync(
        CampaignHubDbContext db, IReadOnlyList<DemoOrganisation> planned, CancellationToken cancellationToken)
    {
        var names = planned.Select(o => o.Name).ToList();
        var existing = await db.Organisations.Include(o => o.Venues).Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var plan in planned)
        {
            if (!existing.TryGetValue(plan.Name, out var organisation))
            {
                organisation = new Organisation
                {
                    Name = plan.Name,
                    NameEn = plan.NameEn,
                    Kind = plan.Kind,
                    Address = plan.Address,
                    Parent = plan.Parent is { } parent ? existing[parent] : null,
                };
                existing[plan.Name] = db.Organisations.Add(organisation).Entity;
            }

            foreach (var venue in plan.Venues.Where(v => organisation.Venues.All(known => known.Name != v)))
            {
                organisation.Venues.Add(new Venue { Name = venue, NameEn = plan.VenuesEn.GetValueOrDefault(venue), Address = plan.Address });
            }
        }

        return existing;
    }

    /// <summary>The plan's units by name, each of its kind and linked to its organisation.</summary>
    public static async Task<Dictionary<string, Unit>> UnitsAsync(
        CampaignHubDbContext db, IReadOnlyList<DemoUnitRow> planned, IReadOnlyDictionary<string, Organisation> organisations,
        CancellationToken cancellationToken)
    {
        var names = planned.Select(u => u.Name).ToList();
        var existing = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        foreach (var unit in planned.Where(u => !existing.ContainsKey(u.Name)))
        {
            existing[unit.Name] = db.Units.Add(new Unit
            {
                Name = unit.Name,
                NameEn = unit.NameEn,
                Kind = unit.Kind,
                Organisation = unit.Organisation is { } organisation ? organisations[organisation] : null,
            }).Entity;
        }

        return planned.ToDictionary(u => u.Name, u => existing[u.Name]);
    }

    /// <summary>The event as the event form stores it: its figures dated by its start, under its campaign.</summary>
    public static CampaignEvent Event(
        DemoEvent planned, int campaignId, IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, Organisation> organisations,
        IReadOnlyDictionary<string, MetricDefinition> metrics)
    {
        var host = planned.Host is { } hostName ? organisations[hostName] : null;
        var entity = new CampaignEvent
        {
            CampaignId = campaignId,
            Title = planned.Title,
            TitleEn = planned.TitleEn,
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
            NextHostOrganisation = planned.NextHost is { } next ? organisations[next] : null,
            HandoverFrom = planned.HandoverFrom,
            HandoverTo = planned.HandoverTo,
            ExpertTeamSize = planned.ExpertTeamSize,
            Narrative = planned.Narrative,
            NarrativeEn = planned.NarrativeEn,
            SectionGroup = planned.SectionGroup,
            SectionGroupEn = planned.SectionGroupEn,
            Status = planned.Status,
            Highlight = planned.Highlight,
            Units = planned.Units.Select(name => new EventUnit { Unit = units[name] }).ToList(),
            Speakers = planned.People.Select((p, i) => new EventSpeaker
            {
                Role = p.Role,
                Name = p.Name,
                Position = p.Position,
                Department = p.Department,
                Affiliation = p.Affiliation,
                TalkTitle = p.TalkTitle,
                Topic = p.Topic,
                SortOrder = i,
            }).ToList(),
        };
        entity.Figures.AddRange(planned.Figures.Select(f => new MetricValue
        {
            CampaignId = campaignId,
            Metric = metrics[f.Key],
            Date = DateOnly.FromDateTime(planned.Start),
            Value = f.Value,
        }));
        return entity;
    }

    /// <summary>A campaign-level figure, as the campaign figures form stores it.</summary>
    public static MetricValue Entry(DemoEntry entry, int campaignId, IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, MetricDefinition> metrics) => new()
    {
        CampaignId = campaignId,
        Unit = units[entry.Unit],
        Metric = metrics[entry.Metric],
        Date = entry.Date,
        Value = entry.Value,
    };

    /// <summary>The organisations of one role in a campaign, in the order given.</summary>
    public static IEnumerable<CampaignOrganiser> Organisers(
        IReadOnlyDictionary<string, Organisation> organisations, OrganiserRole role, params string[] names) =>
        names.Select((name, i) => new CampaignOrganiser { Organisation = organisations[name], Role = role, SortOrder = i });
}
