using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Campaigns;

/// <summary>
/// Campaigns with their organisers, co-organisers and partner sites, regions, units, targets, outcomes and awards.
/// Everyone signed in reads them; only admins write. Every field is validated before anything is saved, and a save
/// based on a stale version is refused. The rules of the parts (regions, outcomes, awards) are in CampaignParts.cs.
/// </summary>
public sealed partial class CampaignService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public const int NameMaxLength = 200;
    public const int ThemeMaxLength = 300;
    public const int EditionMaxLength = 50;
    public const int DescriptionMaxLength = 2000;
    public const int ReportingMediaMaxLength = 500;
    public const int OutcomeNameMaxLength = 200;
    public const int OutcomeNoteMaxLength = 500;

    public async Task<IReadOnlyList<CampaignListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .Select(c => new CampaignListItem(c.Id, c.Name, c.NameEn, c.Theme, c.ThemeEn, c.Edition, c.EditionEn, c.StartDate, c.EndDate,
                c.Units.Count, db.Events.Count(e => e.CampaignId == c.Id), c.Version)
            {
                ProgrammeName = c.Programme != null ? c.Programme.Name : null,
                ProgrammeNameEn = c.Programme != null ? c.Programme.NameEn : null,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The programmes a campaign can belong to, by name: the campaign form's choices.</summary>
    public async Task<IReadOnlyList<ProgrammeChoice>> ListProgrammeChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProgrammeChoice(p.Id, p.Name, p.NameEn))
            .ToListAsync(cancellationToken);
    }

    public async Task<CampaignDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: false, cancellationToken);
        return entity is null ? null : await ToDetailsAsync(db, entity, cancellationToken);
    }

    /// <summary>The campaign's events by date, for choosing the one an award was given at (at most the latest 500).</summary>
    public async Task<IReadOnlyList<CampaignEventChoice>> EventChoicesAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => e.CampaignId == id)
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).Take(500)
            .Select(e => new CampaignEventChoice(e.Id, e.Title, e.TitleEn, e.StartsAt))
            .ToListAsync(cancellationToken);
        events.Reverse();
        return events;
    }

    /// <summary>The campaign's outcome indicators and the catalogue's screening funnel, to evaluate over a period's totals.</summary>
    public async Task<ResultDefinitions> ResultDefinitionsAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ResultDefinitions.LoadAsync(db, id, cancellationToken);
    }

    public async Task<CampaignDetails> CreateAsync(Actor actor, CampaignInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Campaigns_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = new Campaign { Name = "" };
        var resolved = await ValidateAsync(db, input, entity, cancellationToken);

        Apply(entity, input, resolved);
        db.Campaigns.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(entity.Id, cancellationToken))!;
    }

    /// <summary>
    /// Saves the campaign if nobody changed it since <paramref name="version"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> carrying the campaign as it is now.
    /// </summary>
    public async Task<CampaignDetails> UpdateAsync(Actor actor, int id, CampaignInput input, long? expected, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Campaigns_Forbidden"]);
        var version = RequiredVersion.Of(expected, localizer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        var resolved = await ValidateAsync(db, input, entity, cancellationToken);
        if (entity.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Campaigns_Conflict"], await ToDetailsAsync(db, entity, cancellationToken));
        }

        Apply(entity, input, resolved);
        // A change of targets, units, regions, outcomes or awards alone is a change of the campaign: bump its version too.
        if (db.ChangeTracker.HasChanges())
        {
            db.Entry(entity).State = EntityState.Modified;
        }

        db.Entry(entity).Property(c => c.Version).OriginalValue = version;
        await SaveOrConflictAsync(db, id, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Deletes a campaign that has no events or figures yet; one with logged work stays.</summary>
    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Campaigns_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        if (version is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Campaigns_Conflict"], await ToDetailsAsync(db, entity, cancellationToken));
        }

        if (await db.Events.AnyAsync(e => e.CampaignId == id, cancellationToken)
            || await db.MetricValues.AnyAsync(v => v.CampaignId == id, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("id", localizer["Campaigns_Error_HasEvents"]);
            errors.ThrowIfAny();
        }

        db.Campaigns.Remove(entity);
        await SaveOrConflictAsync(db, id, cancellationToken);
    }

    private static Task<Campaign?> LoadAsync(CampaignHubDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Campaigns
            .Include(c => c.Organisers)
            .Include(c => c.Units)
            .Include(c => c.Targets)
            .Include(c => c.Outcomes)
            .Include(c => c.Regions)
            .Include(c => c.Awards).ThenInclude(a => a.Recipients)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Checks every field, collecting all problems; returns what the input names by code, resolved.</summary>
    private async Task<Resolved> ValidateAsync(CampaignHubDbContext db, CampaignInput input, Campaign entity, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        // Lists first, before any query uses them.
        ListLimits.Check(errors, localizer, "organiserIds", input.OrganiserIds.Count, ListLimits.Organisers);
        ListLimits.Check(errors, localizer, "unitIds", input.UnitIds.Count, ListLimits.Units);
        ListLimits.Check(errors, localizer, "targets", input.Targets?.Count, ListLimits.Figures);
        ListLimits.Check(errors, localizer, "outcomes", input.Outcomes?.Count, ListLimits.Outcomes);
        ListLimits.Check(errors, localizer, "hostIds", input.HostIds?.Count, ListLimits.Organisers);
        ListLimits.Check(errors, localizer, "coOrganiserIds", input.CoOrganiserIds?.Count, ListLimits.Organisers);
        ListLimits.Check(errors, localizer, "partnerSiteIds", input.PartnerSiteIds?.Count, ListLimits.PartnerSites);
        ListLimits.Check(errors, localizer, "regions", input.Regions?.Count, ListLimits.Regions);
        ListLimits.Check(errors, localizer, "awards", input.Awards?.Count, ListLimits.Awards);
        for (var i = 0; i < (input.Awards?.Count ?? 0); i++)
        {
            ListLimits.Check(errors, localizer, $"awards[{i}].recipients", input.Awards![i]?.Recipients.Count, ListLimits.AwardRecipients);
        }

        errors.ThrowIfAny();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", localizer["Campaigns_Error_NameRequired"]);
        }

        MaxLength(errors, "name", name, NameMaxLength);
        MaxLength(errors, "nameEn", input.NameEn, NameMaxLength);
        MaxLength(errors, "theme", input.Theme, ThemeMaxLength);
        MaxLength(errors, "themeEn", input.ThemeEn, ThemeMaxLength);
        MaxLength(errors, "edition", input.Edition, EditionMaxLength);
        MaxLength(errors, "editionEn", input.EditionEn, EditionMaxLength);
        MaxLength(errors, "description", input.Description, DescriptionMaxLength);
        MaxLength(errors, "descriptionEn", input.DescriptionEn, DescriptionMaxLength);
        MaxLength(errors, "reportingMedia", input.ReportingMedia, ReportingMediaMaxLength);
        MaxLength(errors, "reportingMediaEn", input.ReportingMediaEn, ReportingMediaMaxLength);
        MaxLength(errors, "aim", input.Aim, CampaignLimits.AimMaxLength);
        MaxLength(errors, "aimEn", input.AimEn, CampaignLimits.AimMaxLength);
        var form = entity.Id == 0 ? CampaignForm.PreventionWeek : entity.Form;
        if (input.Form is not null && !Codes<CampaignForm>.TryParse(input.Form, out form))
        {
            errors.Add("form", string.Format(localizer["Campaigns_Error_UnknownForm"], ValueEcho.Short(input.Form), string.Join(", ", Codes<CampaignForm>.All)));
        }

        var language = entity.Id == 0 ? CampaignLimits.DefaultReportLanguage : entity.ReportLanguage;
        if (input.ReportLanguage is not null)
        {
            language = Reports.Summary.ReportTexts.Match(input.ReportLanguage) ?? "";
            if (language.Length == 0)
            {
                errors.Add("reportLanguage", string.Format(localizer["Report_Error_Language"], ValueEcho.Short(input.ReportLanguage)));
            }
        }

        if (input.StartDate is null)
        {
            errors.Add("startDate", localizer["Campaigns_Error_StartRequired"]);
        }

        if (input.EndDate is null)
        {
            errors.Add("endDate", localizer["Campaigns_Error_EndRequired"]);
        }
        else if (input.StartDate is not null && input.EndDate < input.StartDate)
        {
            errors.Add("endDate", localizer["Campaigns_Error_EndBeforeStart"]);
        }

        var partnerSiteKind = await ValidateOrganisationsAsync(db, input, errors, cancellationToken);

        var unitIds = input.UnitIds.Distinct().ToList();
        var knownUnits = await db.Units.Where(c => unitIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var missing in unitIds.Except(knownUnits))
        {
            errors.Add("unitIds", string.Format(localizer["Event_Error_UnknownUnit"], missing));
        }

        if (input.ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            errors.Add("programmeId", string.Format(localizer["Campaigns_Error_UnknownProgramme"], programmeId));
        }

        var catalogue = await db.MetricDefinitions.AsNoTracking()
            .ToDictionaryAsync(m => m.Code, m => m.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var metricIds = ValidateTargets(catalogue, input.Targets, errors);
        ValidateRegions(input.Regions, errors);
        ValidateOutcomes(input.Outcomes, entity, catalogue, errors);
        await ValidateAwardsAsync(db, input.Awards, entity, errors, cancellationToken);
        errors.ThrowIfAny();
        return new Resolved(metricIds, catalogue, form, language, partnerSiteKind);
    }

    /// <summary>What validation resolved from the input's codes, for the change to use.</summary>
    private sealed record Resolved(
        Dictionary<string, int> TargetMetricIds, Dictionary<string, int> Catalogue, CampaignForm Form, string ReportLanguage, OrganisationKind? PartnerSiteKind);

    /// <summary>Every code must be in the catalogue (an inactive metric keeps its target); every target at least zero.</summary>
    private Dictionary<string, int> ValidateTargets(Dictionary<string, int> catalogue, Dictionary<string, decimal>? targets, ValidationErrors errors)
    {
        var metricIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (targets is null || targets.Count == 0)
        {
            return metricIds;
        }

        foreach (var (code, value) in targets)
        {
            var field = code.Length <= FigureRules.MaxCodeLength ? $"targets.{code}" : "targets";
            if (!catalogue.TryGetValue(code, out var metricId))
            {
                errors.Add(field, string.Format(localizer["Figures_Error_UnknownMetric"], ValueEcho.Short(code)));
            }
            else if (!metricIds.TryAdd(code, metricId))
            {
                errors.Add(field, string.Format(localizer["Figures_Error_Duplicate"], ValueEcho.Short(code)));
            }

            if (value < 0)
            {
                errors.Add(field, localizer["Campaigns_Error_TargetNegative"]);
            }
            else if (value > FigureRules.MaxValue)
            {
                errors.Add(field, localizer["Figures_Error_TooLarge"]);
            }
        }

        return metricIds;
    }

    private void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private static void Apply(Campaign entity, CampaignInput input, Resolved resolved)
    {
        var metricIds = resolved.TargetMetricIds;
        entity.Name = input.Name!.Trim();
        entity.NameEn = Clean(input.NameEn);
        entity.Theme = Clean(input.Theme);
        entity.ThemeEn = Clean(input.ThemeEn);
        entity.Edition = Clean(input.Edition);
        entity.EditionEn = Clean(input.EditionEn);
        entity.Description = Clean(input.Description);
        entity.DescriptionEn = Clean(input.DescriptionEn);
        entity.ReportingMedia = Clean(input.ReportingMedia);
        entity.ReportingMediaEn = Clean(input.ReportingMediaEn);
        entity.Aim = Clean(input.Aim);
        entity.AimEn = Clean(input.AimEn);
        entity.Form = resolved.Form;
        entity.ReportLanguage = resolved.ReportLanguage;
        entity.PartnerSiteCount = input.PartnerSiteCount;
        entity.PartnerSiteKind = resolved.PartnerSiteKind;
        entity.StartDate = input.StartDate!.Value;
        entity.EndDate = input.EndDate!.Value;
        entity.ProgrammeId = input.ProgrammeId;

        ApplyOrganisations(entity, input);

        var units = input.UnitIds.ToHashSet();
        entity.Units.RemoveAll(c => !units.Contains(c.UnitId));
        foreach (var id in units.Where(id => entity.Units.All(c => c.UnitId != id)))
        {
            entity.Units.Add(new CampaignUnit { UnitId = id });
        }

        if (input.Targets is not null)
        {
            var wanted = input.Targets.ToDictionary(t => metricIds[t.Key], t => Math.Round(t.Value, 2));
            entity.Targets.RemoveAll(t => !wanted.ContainsKey(t.MetricDefinitionId));
            foreach (var (metricId, value) in wanted)
            {
                var target = entity.Targets.FirstOrDefault(t => t.MetricDefinitionId == metricId);
                if (target is null)
                {
                    entity.Targets.Add(new CampaignTarget { MetricDefinitionId = metricId, Target = value });
                }
                else if (target.Target != value)
                {
                    target.Target = value;
                }
            }
        }

        ApplyRegions(entity, input.Regions);
        ApplyOutcomes(entity, input.Outcomes, resolved.Catalogue);
        ApplyAwards(entity, input.Awards);
    }

    /// <summary>17326.0 → 17326: SQLite hands decimals back with the scale they were stored with.</summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Plain(decimal? value) => value is { } v ? Plain(v) : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Saves, or reports the campaign as it is now if someone saved it between our read and our write.</summary>
    private Task SaveOrConflictAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(localizer["Campaigns_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Campaign_NotFound"], id));

    private static async Task<CampaignDetails> ToDetailsAsync(CampaignHubDbContext db, Campaign entity, CancellationToken cancellationToken)
    {
        List<int> Role(OrganiserRole role) =>
            entity.Organisers.Where(o => o.Role == role).OrderBy(o => o.SortOrder).Select(o => o.OrganisationId).ToList();
        var organiserIds = Role(OrganiserRole.Organiser);
        var hostIds = Role(OrganiserRole.Host);
        var coOrganiserIds = Role(OrganiserRole.CoOrganiser);
        var partnerSiteIds = Role(OrganiserRole.PartnerSite);
        var allOrganisations = entity.Organisers.Select(o => o.OrganisationId).ToList();
        var unitIds = entity.Units.Select(c => c.UnitId).ToList();
        var metricIds = entity.Targets.Select(t => t.MetricDefinitionId)
            .Concat(entity.Outcomes.SelectMany(o => new[] { o.NumeratorMetricId, o.DenominatorMetricId }).OfType<int>()).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => allOrganisations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(c => unitIds.Contains(c.Id))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var metrics = await db.MetricDefinitions.AsNoTracking().Where(m => metricIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new { m.Code, m.SortOrder }, cancellationToken);
        var programme = entity.ProgrammeId is { } programmeId
            ? await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.Name, p.NameEn }).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new CampaignDetails(
            entity.Id, entity.Name, entity.NameEn, entity.Theme, entity.ThemeEn, entity.Edition, entity.EditionEn, entity.StartDate, entity.EndDate,
            organiserIds, organiserIds.Select(id => organisations[id]).ToList(),
            units.Select(c => c.Id).ToList(), units.Select(c => c.Name).ToList(),
            entity.Targets.OrderBy(t => metrics[t.MetricDefinitionId].SortOrder)
                .ToDictionary(t => metrics[t.MetricDefinitionId].Code, t => Plain(t.Target)),
            entity.Outcomes.OrderBy(o => o.Id).Select(o => new OutcomeDetails(o.Id, o.Name, o.NameEn, Plain(o.RatePercent), o.Note)
            {
                Kind = o.Kind,
                Bound = o.Bound,
                Numerator = Plain(o.Numerator),
                Denominator = Plain(o.Denominator),
                SampleSize = o.SampleSize,
                Method = o.Method,
                MethodEn = o.MethodEn,
                MeasuredOn = o.MeasuredOn,
                NumeratorMetric = o.NumeratorMetricId is { } n ? metrics[n].Code : null,
                DenominatorMetric = o.DenominatorMetricId is { } d ? metrics[d].Code : null,
                TargetPercent = Plain(o.TargetPercent),
            }).ToList(),
            entity.Version)
        {
            Aim = entity.Aim,
            AimEn = entity.AimEn,
            Form = entity.Form,
            ReportLanguage = entity.ReportLanguage,
            HostIds = hostIds,
            HostNames = hostIds.Select(id => organisations[id]).ToList(),
            CoOrganiserIds = coOrganiserIds,
            CoOrganiserNames = coOrganiserIds.Select(id => organisations[id]).ToList(),
            PartnerSiteIds = partnerSiteIds,
            PartnerSiteNames = partnerSiteIds.Select(id => organisations[id]).ToList(),
            PartnerSiteCount = entity.PartnerSiteCount,
            PartnerSiteKind = entity.PartnerSiteKind,
            Regions = entity.Regions.OrderBy(r => r.SortOrder).Select(r => new RegionDetails(r.Name, r.NameEn)).ToList(),
            Awards = entity.Awards.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new AwardDetails(a.Id, a.Name, a.NameEn, a.EventId, a.RecipientCount,
                a.Recipients.OrderBy(r => r.SortOrder).Select(r => new RecipientDetails(r.Name, r.NameEn, r.Organisation, r.OrganisationEn)).ToList())).ToList(),
            Description = entity.Description,
            DescriptionEn = entity.DescriptionEn,
            ReportingMedia = entity.ReportingMedia,
            ReportingMediaEn = entity.ReportingMediaEn,
            ProgrammeId = entity.ProgrammeId,
            ProgrammeName = programme?.Name,
            ProgrammeNameEn = programme?.NameEn,
        };
    }
}
