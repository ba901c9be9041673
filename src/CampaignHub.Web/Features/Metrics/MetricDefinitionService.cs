using System.Text.RegularExpressions;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Metrics;

/// <summary>
/// The metric catalogue: everyone signed in reads it; admins add metrics and edit their names, units, group, order,
/// whether they are active, whether they count (whole numbers only), their step in the screening funnel and which event kinds they fit. Changes of
/// which kinds a metric fits are audited like the metric's own. A metric's code never changes once created (the API, spreadsheets and stored
/// figures use it), and metrics are retired by deactivating them, never deleted.
/// </summary>
public sealed partial class MetricDefinitionService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 20;

    public async Task<IReadOnlyList<MetricDefinitionDetails>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var metrics = db.MetricDefinitions.AsNoTracking();
        if (activeOnly)
        {
            metrics = metrics.Where(m => m.IsActive);
        }

        var rows = await metrics.Include(m => m.AppliesTo).AsSplitQuery().OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync(cancellationToken);
        return rows.Select(ToDetails).ToList();
    }

    public async Task<MetricDefinitionDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.MetricDefinitions.AsNoTracking().Include(m => m.AppliesTo).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return entity is null ? null : ToDetails(entity);
    }

    public async Task<MetricDefinitionDetails> CreateAsync(Actor actor, MetricDefinitionInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Metrics_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new ValidationErrors();
        var code = input.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code) || code.Length > CodeMaxLength)
        {
            errors.Add("code", string.Format(localizer["Metrics_Error_CodeFormat"], CodeMaxLength));
        }
        else if (await db.MetricDefinitions.AnyAsync(m => m.Code == code, cancellationToken))
        {
            errors.Add("code", string.Format(localizer["Metrics_Error_CodeTaken"], code));
        }

        var group = Validate(input, errors);
        await ValidateRelationAsync(db, input, code, errors, cancellationToken);
        errors.ThrowIfAny();

        var entity = new MetricDefinition { Code = code, Name = "", NameEn = "", Unit = "", UnitEn = "" };
        Apply(entity, input, group);
        db.MetricDefinitions.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetails(entity);
    }

    /// <summary>Saves names, units, group, order and activity if nobody changed the metric since <paramref name="version"/>.</summary>
    public async Task<MetricDefinitionDetails> UpdateAsync(Actor actor, int id, MetricDefinitionInput input, long version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Metrics_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.MetricDefinitions.Include(m => m.AppliesTo).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                     ?? throw new NotFoundException(string.Format(localizer["Metrics_NotFound"], id));
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(input.Code) && !string.Equals(input.Code.Trim(), entity.Code, StringComparison.Ordinal))
        {
            errors.Add("code", localizer["Metrics_Error_CodeFixed"]);
        }

        var group = Validate(input, errors);
        await ValidateRelationAsync(db, input, entity.Code, errors, cancellationToken);
        errors.ThrowIfAny();
        if (entity.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Metrics_Conflict"], ToDetails(entity));
        }

        Apply(entity, input, group);
        // Which kinds it fits is part of the metric: a change of only that is still a new version of it.
        db.Entry(entity).State = EntityState.Modified;
        db.Entry(entity).Property(m => m.Version).OriginalValue = version;
        await db.SaveOrConflictAsync(localizer["Metrics_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

        return ToDetails(entity);
    }

    private MetricGroup Validate(MetricDefinitionInput input, ValidationErrors errors)
    {
        Text(errors, "name", input.Name, NameMaxLength, required: true);
        Text(errors, "nameEn", input.NameEn, NameMaxLength, required: true);
        Text(errors, "unit", input.Unit, UnitMaxLength, required: false);
        Text(errors, "unitEn", input.UnitEn, UnitMaxLength, required: false);
        if (!Codes<MetricGroup>.TryParse(input.Group, out var group))
        {
            errors.Add("group", string.Format(localizer["Metrics_Error_UnknownGroup"], input.Group, string.Join(", ", Codes<MetricGroup>.All)));
        }

        if (input.SortOrder is < 0 or > 1_000_000)
        {
            errors.Add("sortOrder", localizer["Metrics_Error_SortOrder"]);
        }

        if (input.FunnelStep is < 0 or > 1_000_000)
        {
            errors.Add("funnelStep", localizer["Metrics_Error_SortOrder"]);
        }

        Bound(errors, "minValue", input.MinValue, input.IsCount);
        Bound(errors, "maxValue", input.MaxValue, input.IsCount);
        if (input.MinValue is { } min && input.MaxValue is { } max && min > max)
        {
            errors.Add("maxValue", localizer["Metrics_Error_MaxBelowMin"]);
        }

        return group;
    }

    /// <summary>A bound is a figure itself: from 0 to the figures' cap, whole for a count.</summary>
    private void Bound(ValidationErrors errors, string field, decimal? value, bool isCount)
    {
        if (value is { } bound && Figures.FigureRules.Check(bound, isCount, localizer) is { } message)
        {
            errors.Add(field, message);
        }
    }

    /// <summary>The metric a metric may not exceed: another one of the catalogue.</summary>
    private async Task ValidateRelationAsync(CampaignHubDbContext db, MetricDefinitionInput input, string code, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var atMost = input.AtMost?.Trim();
        if (string.IsNullOrEmpty(atMost))
        {
            return;
        }

        if (string.Equals(atMost, code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("atMost", localizer["Metrics_Error_AtMostItself"]);
        }
        else if (atMost.Length > CodeMaxLength || !await db.MetricDefinitions.AnyAsync(m => m.Code == atMost, cancellationToken))
        {
            errors.Add("atMost", string.Format(localizer["Figures_Error_UnknownMetric"], ValueEcho.Short(atMost)));
        }
    }

    private void Text(ValidationErrors errors, string field, string? value, int max, bool required)
    {
        var text = value?.Trim();
        if (required && string.IsNullOrEmpty(text))
        {
            errors.Add(field, localizer["Metrics_Error_NameRequired"]);
        }
        else if (text?.Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private static void Apply(MetricDefinition entity, MetricDefinitionInput input, MetricGroup group)
    {
        entity.Name = input.Name!.Trim();
        entity.NameEn = input.NameEn!.Trim();
        entity.Unit = input.Unit?.Trim() ?? "";
        entity.UnitEn = input.UnitEn?.Trim() ?? "";
        entity.Group = group;
        entity.SortOrder = input.SortOrder;
        entity.IsActive = input.IsActive;
        entity.IsCount = input.IsCount;
        entity.FunnelStep = input.FunnelStep;
        entity.MinValue = input.MinValue;
        entity.MaxValue = input.MaxValue;
        entity.AtMostCode = string.IsNullOrWhiteSpace(input.AtMost) ? null : input.AtMost.Trim();
        if (input.AppliesTo is { } kinds)
        {
            var wanted = kinds.ToHashSet();
            entity.AppliesTo.RemoveAll(a => !wanted.Contains(a.Kind));
            entity.AppliesTo.AddRange(wanted.Where(kind => entity.AppliesTo.All(a => a.Kind != kind))
                .Order().Select(kind => new MetricApplicability { Kind = kind }));
        }
    }

    private static MetricDefinitionDetails ToDetails(MetricDefinition m) =>
        new(m.Id, m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), m.SortOrder, m.IsActive, m.IsCount,
            m.AppliesTo.Select(a => a.Kind).Order().ToList(), m.Version)
        {
            FunnelStep = m.FunnelStep,
            MinValue = m.MinValue,
            MaxValue = m.MaxValue,
            AtMost = m.AtMostCode,
        };

    /// <summary>Lowercase snake_case: starts with a letter, words of letters and digits joined by single underscores.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
