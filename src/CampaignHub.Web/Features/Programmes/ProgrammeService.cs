using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Programmes;

/// <summary>
/// Programmes over time (乳房再造公益行 and its yearly editions) and their roll-up. Everyone signed in reads them;
/// only admins write. A programme never contains itself, directly or through its parents: the check and the save run
/// under one write lock, so two edits at once cannot make a loop between them.
/// </summary>
public sealed class ProgrammeService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    TotalsService totals,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    private const string WriteLock = "CampaignHub.Programmes";

    public async Task<IReadOnlyList<ProgrammeDetails>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DetailsAsync(db, null, cancellationToken);
    }

    public async Task<ProgrammeDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await DetailsAsync(db, id, cancellationToken)).FirstOrDefault();
    }

    public async Task<ProgrammeDetails> CreateAsync(Actor actor, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Programmes_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerialisedAsync(WriteLock, cancellationToken);
        await ValidateAsync(db, input, null, cancellationToken);
        var entity = new Programme { Name = "" };
        Apply(entity, input);
        db.Programmes.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(entity.Id, cancellationToken))!;
    }

    /// <summary>Saves the programme if nobody changed it since <paramref name="version"/>; otherwise a conflict with the current one.</summary>
    public async Task<ProgrammeDetails> UpdateAsync(Actor actor, int id, ProgrammeInput input, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Programmes_Forbidden"]);
        var expected = RequiredVersion.Of(version, localizer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerialisedAsync(WriteLock, cancellationToken);
        var entity = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        await ValidateAsync(db, input, id, cancellationToken);
        if (entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Programmes_Conflict"], await GetAsync(id, cancellationToken));
        }

        Apply(entity, input);
        db.Entry(entity).Property(p => p.Version).OriginalValue = expected;
        await db.SaveOrConflictAsync(localizer["Programmes_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Deletes a programme that has no campaigns and no sub-programmes; one that has them stays.</summary>
    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Programmes_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerialisedAsync(WriteLock, cancellationToken);
        var entity = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        if (version is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Programmes_Conflict"], await GetAsync(id, cancellationToken));
        }

        if (await db.Campaigns.AnyAsync(c => c.ProgrammeId == id, cancellationToken) || await db.Programmes.AnyAsync(p => p.ParentId == id, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("id", localizer["Programmes_Error_InUse"]);
            errors.ThrowIfAny();
        }

        db.Programmes.Remove(entity);
        await db.SaveOrConflictAsync(localizer["Programmes_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The programme's roll-up over a period (default: from its first campaign's start to its last one's end): the
    /// totals of its campaigns and its sub-programmes', each campaign's share, and the years with running totals.
    /// </summary>
    public async Task<ProgrammeTotals> GetTotalsAsync(int id, DateOnly? from, DateOnly? to, bool compare, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.NameEn })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(id);
        var campaigns = await CampaignsAsync(db, id, cancellationToken);
        var today = clock.Today;
        var start = from ?? (campaigns.Count == 0 ? today : campaigns.Min(c => c.StartDate));
        var end = to ?? (campaigns.Count == 0 ? today : campaigns.Max(c => c.EndDate));
        totals.RequireOrderedPeriod(start, end);

        var scope = TallyScope.Of(campaigns.Select(c => c.Id).ToArray(), start, end, null);
        var counted = await totals.CountByCampaignAsync(db, scope, cancellationToken);
        var all = counted.Totals;
        if (compare)
        {
            all = await totals.WithComparisonsAsync(db, scope, all, cancellationToken);
        }

        var served = counted.MetricCodes.Where(m => CampaignStatisticsService.PeopleServedMetrics.Contains(m.Value)).Select(m => m.Key).ToHashSet();
        var rows = campaigns.Select(c =>
        {
            var own = counted.Of(id => id == c.Id);
            return new ProgrammeCampaign(c.Id, c.Name, c.NameEn, c.Edition, c.EditionEn, c.StartDate, c.EndDate, c.ProgrammeId,
                own.EventCount, own.Upcoming, own.Unconfirmed,
                counted.Figures.Where(f => f.CampaignId == c.Id && served.Contains(f.MetricDefinitionId)).Sum(f => f.Value));
        }).ToList();
        var years = campaigns.Count == 0 ? [] : Years(counted, served, scope, campaigns);
        return new ProgrammeTotals(id, programme.Name, programme.NameEn, start, end, all, rows, years);
    }

    /// <summary>The campaigns of the programme and of its sub-programmes, first ones first.</summary>
    internal static async Task<List<RolledUpCampaign>> CampaignsAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken)
    {
        var tree = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToListAsync(cancellationToken);
        var children = tree.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
        var included = new HashSet<int> { id };
        var next = new Queue<int>([id]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var child in children[parent].Where(included.Add))
            {
                next.Enqueue(child);
            }
        }

        var ids = included.ToArray();
        return await db.Campaigns.AsNoTracking().Where(c => c.ProgrammeId != null && ids.Contains(c.ProgrammeId.Value))
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new RolledUpCampaign(c.Id, c.Name, c.NameEn, c.Edition, c.EditionEn, c.StartDate, c.EndDate, c.ProgrammeId!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Counted events and people served per year of the period that a campaign covers, with running totals.</summary>
    private static List<ProgrammeYear> Years(CountedTallies counted, HashSet<int> served, TallyScope scope, List<RolledUpCampaign> campaigns)
    {
        var first = Math.Max(scope.From.Year, campaigns.Min(c => c.StartDate.Year));
        var last = Math.Min(scope.To.Year, campaigns.Max(c => c.EndDate.Year));
        var years = new List<ProgrammeYear>();
        var (runningEvents, runningPeople) = (0, 0m);
        for (var year = first; year <= last; year++)
        {
            var events = counted.Events.Where(e => e.Year == year && e.Standing is EventStanding.Held or EventStanding.Unconfirmed).Sum(e => e.Events);
            var people = counted.Figures.Where(f => f.Year == year && served.Contains(f.MetricDefinitionId)).Sum(f => f.Value);
            runningEvents += events;
            runningPeople += people;
            years.Add(new ProgrammeYear(year, events, people, runningEvents, runningPeople));
        }

        return years;
    }

    /// <summary>Every field at once: names and descriptions, and a parent that exists and does not lead back to the programme.</summary>
    private async Task ValidateAsync(CampaignHubDbContext db, ProgrammeInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", localizer["Programmes_Error_NameRequired"]);
        }

        MaxLength(errors, "name", input.Name, ProgrammeLimits.NameMaxLength);
        MaxLength(errors, "nameEn", input.NameEn, ProgrammeLimits.NameMaxLength);
        MaxLength(errors, "description", input.Description, ProgrammeLimits.DescriptionMaxLength);
        MaxLength(errors, "descriptionEn", input.DescriptionEn, ProgrammeLimits.DescriptionMaxLength);

        if (input.ParentId is { } parentId)
        {
            var parents = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add("parentId", string.Format(localizer["Programmes_Error_UnknownParent"], parentId));
            }
            else
            {
                // Up from the new parent: reaching this programme is a loop; the depth is bounded, so is the walk.
                var depth = 1;
                for (int? at = parentId; at is { } current; at = parents.GetValueOrDefault(current), depth++)
                {
                    if (current == id)
                    {
                        errors.Add("parentId", localizer["Programmes_Error_ContainsItself"]);
                        break;
                    }

                    if (depth > ProgrammeLimits.MaxDepth)
                    {
                        errors.Add("parentId", string.Format(localizer["Programmes_Error_TooDeep"], ProgrammeLimits.MaxDepth));
                        break;
                    }
                }
            }
        }

        errors.ThrowIfAny();
    }

    private void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private static void Apply(Programme entity, ProgrammeInput input)
    {
        entity.Name = input.Name!.Trim();
        entity.NameEn = Clean(input.NameEn);
        entity.Description = Clean(input.Description);
        entity.DescriptionEn = Clean(input.DescriptionEn);
        entity.ParentId = input.ParentId;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Programmes_NotFound"], id));

    private static async Task<List<ProgrammeDetails>> DetailsAsync(CampaignHubDbContext db, int? id, CancellationToken cancellationToken)
    {
        var programmes = db.Programmes.AsNoTracking();
        if (id is { } only)
        {
            programmes = programmes.Where(p => p.Id == only);
        }

        var rows = await programmes.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.NameEn, p.Description, p.DescriptionEn, p.ParentId,
                Parent = p.Parent != null ? p.Parent.Name : null, p.Version,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var children = (await db.Programmes.AsNoTracking().Where(p => p.ParentId != null && ids.Contains(p.ParentId.Value))
                .OrderBy(p => p.Name).Select(p => new { p.Id, ParentId = p.ParentId!.Value }).ToListAsync(cancellationToken))
            .ToLookup(p => p.ParentId, p => p.Id);
        var campaigns = (await db.Campaigns.AsNoTracking().Where(c => c.ProgrammeId != null && ids.Contains(c.ProgrammeId.Value))
                .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
                .Select(c => new { ProgrammeId = c.ProgrammeId!.Value, Item = new ProgrammeCampaignItem(c.Id, c.Name, c.NameEn, c.Edition, c.EditionEn, c.StartDate, c.EndDate) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ProgrammeId, c => c.Item);
        return rows.Select(r => new ProgrammeDetails(r.Id, r.Name, r.NameEn, r.Description, r.DescriptionEn, r.ParentId, r.Parent,
            children[r.Id].ToList(), campaigns[r.Id].ToList(), r.Version)).ToList();
    }
}

/// <summary>A campaign rolled up into a programme, and the programme (or sub-programme) it belongs to.</summary>
internal sealed record RolledUpCampaign(
    int Id, string Name, string? NameEn, string? Edition, string? EditionEn, DateOnly StartDate, DateOnly EndDate, int ProgrammeId);
