using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Drafts;

/// <summary>
/// Report drafts: a new one starts from the data (<see cref="ReportDraftWriter"/>); the author reorders, groups,
/// retitles and rewrites; the numbers stay bound to the data. Admins may do everything; a coordinator works on
/// their own unit's report only. Every write checks permission first, then the input, then the version; the
/// save path versions, stamps and audits the draft.
/// </summary>
public sealed class ReportDraftService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    SummaryReportService reports,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Unconfirmed events the editor lists by name; it links to the event list for the rest.</summary>
    public const int MaxUnconfirmedListed = 20;

    public async Task<IReadOnlyList<ReportDraftItem>> ListAsync(Actor actor, int campaignId, CancellationToken cancellationToken = default)
    {
        reports.RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));
        }

        var drafts = db.ReportDrafts.AsNoTracking().Where(d => d.CampaignId == campaignId);
        if (!actor.IsAdmin)
        {
            var own = actor.UnitIds.ToList();
            drafts = drafts.Where(d => d.UnitId != null && own.Contains(d.UnitId.Value));
        }

        var rows = await drafts.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.CampaignId, d.UnitId, Unit = d.Unit != null ? d.Unit.Name : null,
                UnitEn = d.Unit != null ? d.Unit.NameEn : null, d.From, d.To, d.Language, d.Title, d.UpdatedAt, d.UpdatedById, d.Version,
            })
            .ToListAsync(cancellationToken);
        var users = await UsersAsync(db, rows.Select(r => r.UpdatedById), cancellationToken);
        return rows.Select(r => new ReportDraftItem(r.Id, r.CampaignId, r.UnitId, r.Unit is null ? null : UiLanguage.Pick(r.Unit, r.UnitEn),
            r.From, r.To, r.Language, r.Title, r.UpdatedAt, r.UpdatedById is null ? null : users.GetValueOrDefault(r.UpdatedById), r.Version)).ToList();
    }

    /// <summary>A new draft of the report <paramref name="input"/> names, written from the data as it is now.</summary>
    public async Task<ReportDraftDetails> CreateAsync(Actor actor, int campaignId, ReportDraftInput input, CancellationToken cancellationToken = default)
    {
        RequireWriter(actor, input.UnitId);
        var source = await reports.LoadSourceAsync(new SummaryReportQuery(campaignId, input.From, input.To, input.UnitId, input.Lang), [], cancellationToken);
        var title = string.IsNullOrWhiteSpace(input.Title) ? ReportDraftWriter.Title(source) : input.Title.Trim();
        var blocks = input.Blocks ?? ReportDraftWriter.Blocks(source);
        await ValidateAsync(campaignId, title, blocks, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = new ReportDraft
        {
            CampaignId = campaignId,
            UnitId = input.UnitId,
            From = source.From,
            To = source.To,
            Language = source.Texts.Language,
            Title = title,
            Blocks = ReportDraftJson.Write(blocks),
            EditedAgainst = ReportDraftJson.WriteFigures(source.Fields.All),
        };
        db.ReportDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailsAsync(db, draft, cancellationToken);
    }

    public async Task<ReportDraftDetails> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await FindAsync(db, actor, id, cancellationToken);
        return await DetailsAsync(db, draft, cancellationToken);
    }

    /// <summary>
    /// Saves the title and blocks if nobody saved the draft since <paramref name="version"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> with the draft as it is now, and nothing is overwritten.
    /// </summary>
    public async Task<ReportDraftDetails> UpdateAsync(Actor actor, int id, ReportDraftInput input, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Who may work on the draft first: a caller who may not gets 403 whatever the body holds.
        var draft = await FindAsync(db, actor, id, cancellationToken, tracking: true);
        var version = RequiredVersion.Of(expectedVersion, localizer);
        var title = input.Title?.Trim() ?? "";
        await ValidateAsync(draft.CampaignId, title, input.Blocks, cancellationToken);
        if (draft.Version != version)
        {
            throw await ConflictAsync(db, draft, cancellationToken);
        }

        var source = await reports.LoadSourceAsync(Query(draft), [], cancellationToken);
        draft.Title = title;
        draft.Blocks = ReportDraftJson.Write(input.Blocks!);
        draft.EditedAgainst = ReportDraftJson.WriteFigures(source.Fields.All);
        db.Entry(draft).Property(d => d.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ReportDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            throw current is null
                ? new ConcurrencyConflictException(localizer["ReportDraft_Conflict"], null)
                : await ConflictAsync(db, current, cancellationToken);
        }

        return await DetailsAsync(db, draft, cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await FindAsync(db, actor, id, cancellationToken, tracking: true);
        if (version is { } expected && expected != draft.Version)
        {
            throw await ConflictAsync(db, draft, cancellationToken);
        }

        db.ReportDrafts.Remove(draft);
        db.Entry(draft).Property(d => d.Version).OriginalValue = version ?? draft.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(localizer["ReportDraft_Conflict"], null);
        }
    }

    /// <summary>The saved draft as the document its writers print.</summary>
    public async Task<SummaryReport> BuildAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await FindAsync(db, actor, id, cancellationToken);
        var blocks = ReportDraftJson.Read(draft.Blocks);
        var source = await reports.LoadSourceAsync(Query(draft), EventIds(blocks), cancellationToken);
        return await reports.BuildAsync(source, draft.Id, draft.Title, blocks, cancellationToken);
    }

    /// <summary>The document of unsaved edits, for the editor's live preview: checked as a save would be, stored nowhere.</summary>
    public async Task<SummaryReport> PreviewAsync(Actor actor, int id, string? title, IReadOnlyList<ReportDraftBlock>? blocks, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await FindAsync(db, actor, id, cancellationToken);
        await ValidateAsync(draft.CampaignId, title?.Trim() ?? "", blocks, cancellationToken);
        var source = await reports.LoadSourceAsync(Query(draft), EventIds(blocks!), cancellationToken);
        return await reports.BuildAsync(source, draft.Id, title!.Trim(), blocks!, cancellationToken);
    }

    /// <summary>A new draft's blocks, written from the data as it is now, to start a block afresh in the editor.</summary>
    public async Task<IReadOnlyList<ReportDraftBlock>> GeneratedBlocksAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await FindAsync(db, actor, id, cancellationToken);
        return ReportDraftWriter.Blocks(await reports.LoadSourceAsync(Query(draft), [], cancellationToken));
    }

    /// <summary>Admins write every draft; a coordinator only their own unit's.</summary>
    public void RequireWriter(Actor actor, int? unitId)
    {
        if (actor.IsAdmin || (actor.IsCoordinator && unitId is { } id && actor.UnitIds.Contains(id)))
        {
            return;
        }

        throw new ForbiddenException(localizer[actor.IsCoordinator ? "ReportDraft_Forbidden_Unit" : "ReportDraft_Forbidden"]);
    }

    private static SummaryReportQuery Query(ReportDraft draft) => new(draft.CampaignId, draft.From, draft.To, draft.UnitId, draft.Language);

    private static List<int> EventIds(IEnumerable<ReportDraftBlock> blocks) => blocks.SelectMany(b => b.EventIds).Distinct().ToList();

    /// <summary>The draft, if it exists and the actor may work on it: permission before anything about it is told.</summary>
    private async Task<ReportDraft> FindAsync(CampaignHubDbContext db, Actor actor, int id, CancellationToken cancellationToken, bool tracking = false)
    {
        reports.RequireReader(actor);
        var query = tracking ? db.ReportDrafts : db.ReportDrafts.AsNoTracking();
        var draft = await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                    ?? throw new NotFoundException(string.Format(localizer["ReportDraft_NotFound"], id));
        RequireWriter(actor, draft.UnitId);
        return draft;
    }

    /// <summary>
    /// The title, then every block: lengths, characters, the events a section tells (of this campaign). All
    /// problems at once, each named by its field (<c>blocks[3].text</c>).
    /// </summary>
    private async Task ValidateAsync(int campaignId, string title, IReadOnlyList<ReportDraftBlock>? blocks, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (title.Length == 0)
        {
            errors.Add("title", localizer["ReportDraft_Error_TitleRequired"]);
        }

        Text(errors, "title", title, ReportDraftLimits.TitleMaxLength);
        if (blocks is null)
        {
            errors.Add("blocks", localizer["ReportDraft_Error_BlocksRequired"]);
            errors.ThrowIfAny();
            return;
        }

        if (blocks.Count > ReportDraftLimits.MaxBlocks)
        {
            errors.Add("blocks", string.Format(localizer["ReportDraft_Error_TooManyBlocks"], ReportDraftLimits.MaxBlocks));
        }

        var total = 0;
        var ids = new HashSet<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var field = $"blocks[{i}]";
            if (block is null)
            {
                errors.Add(field, localizer["Api_Error_InvalidValue"]);
                continue;
            }

            Text(errors, $"{field}.heading", block.Heading, ReportDraftLimits.HeadingMaxLength);
            Text(errors, $"{field}.text", block.Text, ReportDraftLimits.TextMaxLength);
            total += (block.Heading?.Length ?? 0) + (block.Text?.Length ?? 0);
            if (block.Kind != ReportDraftBlockKind.Section && block.EventIds.Count > 0)
            {
                errors.Add($"{field}.eventIds", localizer["ReportDraft_Error_EventsInText"]);
            }

            if (block.EventIds.Count > ReportDraftLimits.MaxEventsPerSection)
            {
                errors.Add($"{field}.eventIds", string.Format(localizer["ReportDraft_Error_TooManyEvents"], ReportDraftLimits.MaxEventsPerSection));
            }

            ids.UnionWith(block.EventIds);
        }

        if (blocks.Count(b => b?.Kind == ReportDraftBlockKind.Totals) > 1)
        {
            errors.Add("blocks", localizer["ReportDraft_Error_OneTotals"]);
        }

        if (total > ReportDraftLimits.TotalTextMaxLength)
        {
            errors.Add("blocks", string.Format(localizer["ReportDraft_Error_TooLong"], ReportDraftLimits.TotalTextMaxLength));
        }

        if (ids.Count > ReportDraftLimits.MaxEvents)
        {
            errors.Add("blocks", string.Format(localizer["ReportDraft_Error_TooManyEvents"], ReportDraftLimits.MaxEvents));
        }
        else if (ids.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var wanted = ids.ToList();
            var known = await db.Events.AsNoTracking().Where(e => e.CampaignId == campaignId && wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
            var missing = ids.Except(known).ToHashSet();
            for (var i = 0; i < blocks.Count; i++)
            {
                foreach (var unknown in blocks[i]?.EventIds.Where(missing.Contains) ?? [])
                {
                    errors.Add($"blocks[{i}].eventIds", string.Format(localizer["ReportDraft_Error_UnknownEvent"], unknown));
                }
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>A text's cap and characters: those a document cannot hold are refused with a message, never dropped.</summary>
    private void Text(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors.Add(field, string.Format(localizer["ReportDraft_Error_TextTooLong"], max, value.Length));
        }

        if (value.Any(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\uFFFE' or '\uFFFF'))
        {
            errors.Add(field, localizer["ReportDraft_Error_ControlCharacters"]);
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(CampaignHubDbContext db, ReportDraft current, CancellationToken cancellationToken)
    {
        var fresh = await db.ReportDrafts.AsNoTracking().FirstAsync(d => d.Id == current.Id, cancellationToken);
        return new ConcurrencyConflictException(localizer["ReportDraft_Conflict"], await DetailsAsync(db, fresh, cancellationToken));
    }

    /// <summary>The draft with what the editor shows beside it, from one build of its document.</summary>
    private async Task<ReportDraftDetails> DetailsAsync(CampaignHubDbContext db, ReportDraft draft, CancellationToken cancellationToken)
    {
        var blocks = ReportDraftJson.Read(draft.Blocks);
        var source = await reports.LoadSourceAsync(Query(draft), EventIds(blocks), cancellationToken);
        var document = SummaryReportBuilder.Build(source, draft.Id, draft.Title, blocks, new Dictionary<int, SummaryReportBuilder.EventPhotos>(), DateTime.MinValue);
        var labels = await LabelsAsync(db, source, cancellationToken);
        var changes = source.Fields.ChangedSince(ReportDraftJson.ReadFigures(draft.EditedAgainst))
            .Select(c => new FigureChange(c.Key, labels(c.Key), c.Before, c.Now)).ToList();

        var highlighted = db.Events.AsNoTracking().Where(e => e.CampaignId == draft.CampaignId && e.Highlight && e.Status != EventStatus.Cancelled);
        if (draft.UnitId is { } only)
        {
            highlighted = highlighted.Where(e => e.Units.Any(c => c.UnitId == only));
        }

        var told = EventIds(blocks);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.CampaignId == draft.CampaignId && (told.Contains(e.Id) || highlighted.Any(h => h.Id == e.Id)))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(ReportDraftLimits.MaxEvents)
            .Select(e => new DraftEvent(e.Id, e.Title, e.StartsAt, e.SectionGroup, e.Highlight))
            .ToListAsync(cancellationToken);
        // A roadshow stop's events are headed by the stop, as the report heads their section.
        var stops = source.Stops.SelectMany(stop => stop.Events.Select(e => (e.Id, Heading: RoadshowStory.Heading(source.Texts, stop))))
            .ToDictionary(s => s.Id, s => s.Heading);
        events = events.Select(e => e with { Stop = stops.GetValueOrDefault(e.Id) }).ToList();

        var fields = source.Fields.All
            .Where(f => f.Value != 0 || f.Key.StartsWith("metric:", StringComparison.Ordinal) || f.Key is "events" or "units")
            .Select(f => new DraftField("{" + f.Key + "}", labels(f.Key), f.Value))
            .ToList();
        var unit = draft.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(c => c.Id == unitId).Select(c => new { c.Name, c.NameEn }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var users = await UsersAsync(db, [draft.UpdatedById], cancellationToken);
        return new ReportDraftDetails(draft.Id, draft.CampaignId, draft.UnitId, unit is null ? null : UiLanguage.Pick(unit.Name, unit.NameEn),
            draft.From, draft.To, draft.Language, draft.Title, blocks, changes.Count > 0, changes, document.UnknownFields, document.Untranslated,
            events, fields, draft.UpdatedAt, draft.UpdatedById is null ? null : users.GetValueOrDefault(draft.UpdatedById), draft.Version)
        {
            Unconfirmed = source.Statistics.Totals.Unconfirmed == 0 ? [] : await UnconfirmedAsync(db, draft, cancellationToken),
            UnconfirmedCount = source.Statistics.Totals.Unconfirmed,
        };
    }

    /// <summary>The period's first events that have taken place but are still planned or confirmed (the held rule's "unconfirmed").</summary>
    private async Task<List<UnconfirmedEvent>> UnconfirmedAsync(CampaignHubDbContext db, ReportDraft draft, CancellationToken cancellationToken)
    {
        var start = draft.From.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(draft.To);
        var events = db.Events.AsNoTracking().Where(e => e.CampaignId == draft.CampaignId && e.StartsAt >= start && e.StartsAt < end)
            .Where(HeldRule.Unconfirmed(clock.Now));
        if (draft.UnitId is { } only)
        {
            events = events.Where(e => e.Units.Any(c => c.UnitId == only));
        }

        return await events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxUnconfirmedListed)
            .Select(e => new UnconfirmedEvent(e.Id, e.Title, e.StartsAt, e.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A field's name in the report's language: 微信公众号流量, 线上科普讲座场次, 乳腺癌专委会活动场次.</summary>
    private static async Task<Func<string, string>> LabelsAsync(CampaignHubDbContext db, ReportSource source, CancellationToken cancellationToken)
    {
        var texts = source.Texts;
        var metrics = await db.MetricDefinitions.AsNoTracking().Select(m => new { m.Code, m.Name, m.NameEn })
            .ToDictionaryAsync(m => m.Code.ToLowerInvariant(), m => texts.Name(m.Name, m.NameEn), cancellationToken);
        var units = source.Statistics.Units.ToDictionary(c => c.UnitId.ToString(CultureInfo.InvariantCulture), c => texts.Name(c.Name, c.NameEn));
        var outcomes = source.Results.Outcomes.ToDictionary(o => o.Id.ToString(CultureInfo.InvariantCulture), o => texts.Name(o.Name, o.NameEn));
        string Channel(string code) => texts[$"EventChannel_{code}"];
        string Kind(string code) => texts.Has($"EventKind_{code}") ? texts[$"EventKind_{code}"] : code;
        return key => key.Split(':') switch
        {
            ["metric", var code] => metrics.GetValueOrDefault(code, code),
            ["events"] => texts["Report_Field_Events"],
            ["events", "online" or "offline"] => $"{Channel(key[7..])} · {texts["Report_Field_Events"]}",
            ["events", var kind] => $"{Kind(kind)} · {texts["Report_Field_Events"]}",
            ["events", var kind, var channel] => $"{Kind(kind)} · {Channel(channel)}",
            ["units"] => texts["Report_Field_Units"],
            ["unit", var id, "events"] => $"{units.GetValueOrDefault(id, id)} · {texts["Report_Table_UnitEvents"]}",
            ["unit", var id, "served"] => $"{units.GetValueOrDefault(id, id)} · {texts["Report_Table_PeopleServed"]}",
            ["target", var code] => $"{metrics.GetValueOrDefault(code, code)} · {texts["Report_Table_Target"]}",
            ["target", var code, "percent"] => $"{metrics.GetValueOrDefault(code, code)} · {texts["Report_Table_Percent"]}",
            ["served"] => texts["Report_Table_PeopleServed"],
            ["outcome", var id] => outcomes.GetValueOrDefault(id, id) + " (%)",
            _ => key,
        };
    }

    private static async Task<Dictionary<string, string>> UsersAsync(CampaignHubDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.Email })
                .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, cancellationToken);
    }
}
