using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// Events and their figures: list, read, create, update, delete. Every write checks who may write first (admins; a
/// coordinator for events of their units), then validates all input by <see cref="EventInputValidator"/> and
/// refuses stale saves. An event, the people on its programme and its figures are saved together, with one version. The save path
/// refuses any change to an event a finalised report covers, before and after the change (<see cref="ReportLockGuard"/>),
/// and stamps, versions and audits every write (<see cref="SaveRules"/>).
/// The writes are here; reading in EventService.Reading.cs, photos in EventService.Photos.cs.
/// </summary>
public sealed partial class EventService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer,
    EventInputValidator validator,
    UnusualFigureService unusualFigures)
{
    public async Task<EventDetails> CreateAsync(Actor actor, EventInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            throw new ForbiddenException(localizer["Event_CreateForbidden"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var validated = await ValidateAsync(db, actor, input, cancellationToken);
        RequireWriteAccess(actor, input.UnitIds);

        var entity = new CampaignEvent { Title = "" };
        Apply(entity, input, validated);
        db.Events.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return await WithWarningsAsync(await ToDetailsAsync(db, entity, cancellationToken), input, cancellationToken);
    }

    /// <summary>
    /// Saves the event if nobody changed it since <paramref name="version"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> carrying the event as it is now.
    /// </summary>
    public async Task<EventDetails> UpdateAsync(Actor actor, int id, EventInput input, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        // Both the units it has and the ones it would get must include one of the coordinator's.
        RequireWriteAccess(actor, entity.Units.Select(c => c.UnitId));
        var expected = RequiredVersion.Of(version, localizer);
        var validated = await ValidateAsync(db, actor, input, cancellationToken, entity.Units.Select(c => c.UnitId).ToHashSet());
        RequireWriteAccess(actor, input.UnitIds);
        await ThrowIfStaleAsync(db, entity, expected, cancellationToken);

        Apply(entity, input, validated);
        // Saving the event is a change of the event, even when only its units, speakers or figures (or
        // nothing) changed: its version covers them all, and a locked event refuses the save.
        db.Entry(entity).State = EntityState.Modified;
        db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
        await SaveOrConflictAsync(db, id, cancellationToken);
        return await WithWarningsAsync(await ToDetailsAsync(db, entity, cancellationToken), input, cancellationToken);
    }

    /// <summary>
    /// The figures far above their usual (<see cref="OutlierRule"/>) among those the event is given or might be given,
    /// against the earlier events of its kind: the form asks while the user types; a save says it in its response.
    /// </summary>
    public Task<IReadOnlyList<FigureWarning>> UnusualFiguresAsync(
        int campaignId, EventKind kind, IReadOnlyCollection<int> unitIds, DateTime start, int? eventId,
        IReadOnlyDictionary<string, decimal> figures, CancellationToken cancellationToken = default) =>
        unusualFigures.ForEventAsync(campaignId, kind, unitIds, clock.ToLocal(start), eventId, figures, cancellationToken);

    /// <summary>A saved event's figures sent with the save that are unusual: saved as sent, and said in the response.</summary>
    private async Task<EventDetails> WithWarningsAsync(EventDetails details, EventInput input, CancellationToken cancellationToken)
    {
        if (input.Figures is not { Count: > 0 } figures)
        {
            return details with { Warnings = [] };
        }

        var warnings = await unusualFigures.ForEventAsync(details.CampaignId, details.Kind, details.UnitIds, details.Start, details.Id, figures, cancellationToken);
        return details with { Warnings = warnings };
    }

    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Speakers, photos and duties go with the event by the database's cascade, in one statement each: loaded
        // and deleted row by row, 20,000 speakers took minutes. Units and figures are loaded, so the report
        // locks see what the event counted for and the audit trail records the figures it takes away.
        var entity = await db.Events.Include(e => e.Units).Include(e => e.Figures).AsSplitQuery()
                         .FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotFound(id);
        RequireWriteAccess(actor, entity.Units.Select(c => c.UnitId));
        if (version is { } expected)
        {
            await ThrowIfStaleAsync(db, entity, expected, cancellationToken);
            db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
        }

        db.Events.Remove(entity);
        await SaveOrConflictAsync(db, id, cancellationToken);
    }

    private async Task ThrowIfStaleAsync(CampaignHubDbContext db, CampaignEvent entity, long version, CancellationToken cancellationToken)
    {
        if (entity.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Event_Conflict"], await ToDetailsAsync(db, entity, cancellationToken));
        }
    }

    /// <summary>Saves, or reports the event as it is now if someone saved it between our read and our write.</summary>
    private Task SaveOrConflictAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(localizer["Event_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

    private void RequireWriteAccess(Actor actor, IEnumerable<int> unitIds)
    {
        if (!actor.CanWriteForUnits(unitIds))
        {
            throw new ForbiddenException(localizer["Event_Forbidden"]);
        }
    }

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Event_NotFound"], id));

    /// <summary>Parsed codes of valid input, and the catalogue its figures were checked against.</summary>
    private sealed record Validated(EventInputValidator.Valid Codes, EventRuleContext Context);

    /// <summary>Every problem is collected and thrown together, by field.</summary>
    private async Task<Validated> ValidateAsync(
        CampaignHubDbContext db, Actor actor, EventInput input, CancellationToken cancellationToken, IReadOnlySet<int>? currentUnits = null)
    {
        var errors = new ValidationErrors();
        // Lists too long for any query are refused before the rules read the database with them.
        if (!validator.ValidateSizes(input, errors))
        {
            errors.ThrowIfAny();
        }

        var context = await EventRuleContext.ForAsync(db, input, cancellationToken) with { CurrentUnits = currentUnits };
        var valid = validator.Validate(actor, input, context, errors);
        errors.ThrowIfAny();
        return new Validated(valid!, context);
    }

    private void Apply(CampaignEvent entity, EventInput input, Validated validated)
    {
        entity.CampaignId = input.CampaignId;
        entity.Title = input.Title!.Trim();
        entity.Kind = validated.Codes.Kind;
        entity.Channel = validated.Codes.Channel;
        entity.Platform = validated.Codes.Platform;
        entity.PlatformDetail = Clean(input.PlatformDetail);
        entity.StartsAt = clock.ToLocal(input.Start!.Value);
        entity.EndsAt = clock.ToLocal(input.End!.Value);
        entity.VenueId = input.VenueId;
        entity.HostOrganisationId = input.HostOrganisationId;
        entity.Location = Clean(input.Location);
        entity.SeriesName = Clean(input.SeriesName);
        entity.StopNumber = input.StopNumber;
        entity.NextHostOrganisationId = input.NextHostOrganisationId;
        entity.HandoverFrom = Clean(input.HandoverFrom);
        entity.HandoverTo = Clean(input.HandoverTo);
        entity.ExpertTeamSize = input.ExpertTeamSize;
        entity.Narrative = Clean(input.Narrative);
        entity.Link = Clean(input.Link);
        entity.SectionGroup = Clean(input.SectionGroup);
        entity.TitleEn = Clean(input.TitleEn);
        entity.NarrativeEn = Clean(input.NarrativeEn);
        entity.SectionGroupEn = Clean(input.SectionGroupEn);
        entity.Status = validated.Codes.Status;
        entity.Highlight = input.Highlight;

        var wanted = input.UnitIds.Distinct().ToHashSet();
        entity.Units.RemoveAll(c => !wanted.Contains(c.UnitId));
        foreach (var id in wanted.Where(id => entity.Units.All(c => c.UnitId != id)))
        {
            entity.Units.Add(new EventUnit { UnitId = id });
        }

        entity.Speakers.Clear();
        entity.Speakers.AddRange(input.People.Select((p, i) => new EventSpeaker
        {
            Role = Codes<ProgrammeRole>.TryParse(p.Role, out var role) ? role : ProgrammeRole.Talk,
            Name = p.Name!.Trim(),
            Position = Clean(p.Position),
            Department = Clean(p.Department),
            Affiliation = Clean(p.Affiliation),
            TalkTitle = Clean(p.TalkTitle),
            Topic = Clean(p.Topic),
            SortOrder = i,
        }));

        if (input.Figures is not null)
        {
            SetFigures(entity, input.Figures, validated.Context.Catalogue);
        }

        if (input.Estimated is { } estimated)
        {
            var codes = new HashSet<string>(estimated, StringComparer.OrdinalIgnoreCase);
            var marked = validated.Context.Catalogue.Values.Where(m => codes.Contains(m.Code)).Select(m => m.Id).ToHashSet();
            foreach (var figure in entity.Figures.Where(f => f.IsEstimate != marked.Contains(f.MetricDefinitionId)))
            {
                figure.IsEstimate = marked.Contains(figure.MetricDefinitionId);
            }
        }

        // Figures follow their event: totals by campaign and date read them without a join.
        foreach (var figure in entity.Figures)
        {
            figure.CampaignId = entity.CampaignId;
            figure.Date = DateOnly.FromDateTime(entity.StartsAt);
        }
    }

    /// <summary>Makes the event's figures exactly <paramref name="figures"/>: new ones added, changed ones updated, others removed.</summary>
    private static void SetFigures(CampaignEvent entity, IReadOnlyDictionary<string, decimal> figures, IReadOnlyDictionary<string, MetricDefinition> catalogue)
    {
        var wanted = figures.ToDictionary(f => catalogue[f.Key].Id, f => f.Value);
        // Figures of retired metrics are not in any form and cannot be sent: they stay as logged, in the totals.
        var active = catalogue.Values.Select(m => m.Id).ToHashSet();
        entity.Figures.RemoveAll(f => active.Contains(f.MetricDefinitionId) && !wanted.ContainsKey(f.MetricDefinitionId));
        foreach (var (metricId, value) in wanted)
        {
            var existing = entity.Figures.FirstOrDefault(f => f.MetricDefinitionId == metricId);
            if (existing is null)
            {
                entity.Figures.Add(new MetricValue
                {
                    MetricDefinitionId = metricId,
                    CampaignId = entity.CampaignId,
                    Date = DateOnly.FromDateTime(entity.StartsAt),
                    Value = value,
                });
            }
            else if (existing.Value != value)
            {
                existing.Value = value;
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
