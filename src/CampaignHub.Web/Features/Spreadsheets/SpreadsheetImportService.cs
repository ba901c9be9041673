using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static CampaignHub.Web.Features.Spreadsheets.SpreadsheetColumns;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>
/// Imports a campaign's events with their figures from an XLSX or CSV file: all rows or none. Every row is checked
/// by the rules of <see cref="EventService"/> against lookups loaded once (committees, metric catalogue), every
/// problem is reported by row and column, and only a file without any problem is saved, in one transaction.
/// A row dated in a period a finalised report locks is an error of its start column: checked here by the locks' own
/// rule (<see cref="ReportLock.Covers"/>) to name the rows, and refused again by the save path should anything slip by.
/// </summary>
public sealed class SpreadsheetImportService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    IStringLocalizer<SharedResource> localizer,
    ILogger<SpreadsheetImportService> logger,
    ReportLockService lockService)
{
    /// <summary>Enough for any campaign; keeps one upload's memory and transaction bounded.</summary>
    public const int MaxRows = 20_000;

    /// <summary>A file that is wrong everywhere would otherwise produce an error list larger than the file.</summary>
    public const int MaxErrors = 1_000;

    private const int LocationMaxLength = 300;
    private const int SeriesMaxLength = 200;
    private const decimal MaxFigure = 1_000_000_000_000m;

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d HH:mm:ss",
        "yyyy-M-d H:mm", "yyyy-M-d HH:mm",
    ];

    /// <summary>The campaigns to choose from on the import page, newest first.</summary>
    public async Task<IReadOnlyList<CampaignChoice>> CampaignsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new CampaignChoice(c.Id, c.Name, c.NameEn)).ToListAsync(cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(Actor actor, int campaignId, Stream? file, string? fileName, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            throw new ForbiddenException(localizer["Import_Forbidden"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));
        }

        if (file is null)
        {
            return FileError("Import_Error_NoFile");
        }

        List<SheetRow> rows;
        try
        {
            rows = await SheetReader.ReadAsync(file, fileName, cancellationToken);
        }
        catch (SheetFormatException ex)
        {
            return FileError(ex.MessageKey, ex.Arguments);
        }

        // Everything a row may refer to, loaded once: no query per row.
        var committees = new CommitteeLookup(
            await db.Committees.AsNoTracking().Select(c => new CommitteeName(c.Id, c.Name, c.NameEn)).ToListAsync(cancellationToken),
            await db.Set<CampaignCommittee>().Where(c => c.CampaignId == campaignId).Select(c => c.CommitteeId).ToListAsync(cancellationToken));
        var catalogue = await db.MetricDefinitions.AsNoTracking().Where(m => m.IsActive)
            .ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var locks = await lockService.ActiveAsync(db, campaignId, cancellationToken);

        var errors = new ErrorList(MaxErrors);
        var layout = ReadHeader(rows, catalogue, errors);
        if (layout is null)
        {
            return Failed(errors);
        }

        var dataRows = rows.Skip(1).Where(r => !IsBlank(r)).ToList();
        if (dataRows.Count == 0)
        {
            return FileError("Import_Error_NoRows");
        }

        if (dataRows.Count > MaxRows)
        {
            return FileError("Import_Error_TooManyRows", MaxRows);
        }

        var events = new List<CampaignEvent>(dataRows.Count);
        foreach (var row in dataRows)
        {
            var entity = ReadEvent(row, layout, actor, campaignId, committees, locks, errors);
            if (errors.IsEmpty)
            {
                events.Add(entity!);
            }
        }

        if (!errors.IsEmpty)
        {
            return Failed(errors);
        }

        // One transaction for the events, their committees and figures, and their audit entries.
        // Everything is new and nothing changes after Add, so scanning 10,000s of entries for changes is wasted work.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Events.AddRange(events);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Imported {Count} events into campaign {CampaignId} from a {Format} file",
            events.Count, campaignId, Path.GetExtension(fileName ?? ""));
        return new ImportResult(events.Count, []);
    }

    private ImportResult Failed(ErrorList errors) =>
        ImportResult.Failed(errors.Overflow(localizer["Import_Error_MoreErrors"]) is { } more ? [.. errors.Items, more] : errors.Items);

    private ImportResult FileError(string key, params object[] arguments) =>
        ImportResult.Failed([new ImportError(0, ImportError.FileColumn, string.Format(localizer[key], arguments))]);

    /// <summary>Where each column is: the fixed columns by name, the figures by metric.</summary>
    private sealed record Layout(Dictionary<string, int> Columns, List<(int Index, MetricDefinition Metric)> Metrics);

    private Layout? ReadHeader(List<SheetRow> rows, Dictionary<string, MetricDefinition> catalogue, ErrorList errors)
    {
        if (rows.Count == 0 || IsBlank(rows[0]))
        {
            errors.Add(new ImportError(0, ImportError.FileColumn, localizer["Import_Error_NoHeader"]));
            return null;
        }

        var header = rows[0].Cells;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var metrics = new List<(int, MetricDefinition)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = Text(header[i]);
            if (name is null)
            {
                // A column without a header is fine while it is empty (spreadsheets often carry stray formatting).
                if (rows.Skip(1).Any(r => Text(Cell(r, i)) is not null))
                {
                    errors.Add(new ImportError(1, ColumnLetter(i), localizer["Import_Error_NoColumnName"]));
                }

                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add(new ImportError(1, name, string.Format(localizer["Import_Error_DuplicateColumn"], name)));
            }
            else if (Fixed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                columns[name] = i;
            }
            else if (catalogue.TryGetValue(name, out var metric))
            {
                metrics.Add((i, metric));
            }
            else
            {
                errors.Add(new ImportError(1, name, string.Format(localizer["Import_Error_UnknownColumn"], name, string.Join(", ", Fixed))));
            }
        }

        foreach (var required in Required.Where(r => !columns.ContainsKey(r)).Order())
        {
            errors.Add(new ImportError(1, required, string.Format(localizer["Import_Error_MissingColumn"], required)));
        }

        return errors.IsEmpty ? new Layout(columns, metrics) : null;
    }

    /// <summary>Checks one row, adding its problems; returns the event to save (meaningless once there are errors).</summary>
    private CampaignEvent? ReadEvent(
        SheetRow row, Layout layout, Actor actor, int campaignId, CommitteeLookup committees, IReadOnlyList<ReportLock> locks,
        ErrorList errors)
    {
        object? Value(string column) => layout.Columns.TryGetValue(column, out var index) ? Cell(row, index) : null;
        string? Get(string column) => StripFormulaGuard(Text(Value(column)));
        void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));

        var title = Get(Title);
        if (title is null)
        {
            Error(Title, localizer["Event_Error_TitleRequired"]);
        }
        else if (title.Length > EventService.TitleMaxLength)
        {
            Error(Title, string.Format(localizer["Error_TooLong"], EventService.TitleMaxLength));
        }

        var kind = Code<EventKind>(Get(Kind), Kind, "Event_Error_UnknownKind", string.Join(", ", Codes<EventKind>.All), required: true, Error);
        var channel = Code<EventChannel>(Get(Channel), Channel, "Event_Error_UnknownChannel", "", required: true, Error);
        var platform = Code<OnlinePlatform>(Get(Platform), Platform, "Event_Error_UnknownPlatform", string.Join(", ", Codes<OnlinePlatform>.All), required: false, Error);
        var status = Code<EventStatus>(Get(Status), Status, "Event_Error_UnknownStatus", "", required: false, Error) ?? EventStatus.Planned;

        var start = ReadDateTime(Value(Start), Start, "Event_Error_StartRequired", Error);
        var end = ReadDateTime(Value(End), End, "Event_Error_EndRequired", Error);
        if (start is not null && end < start)
        {
            Error(End, localizer["Event_Error_EndBeforeStart"]);
        }

        var committeeIds = ReadCommittees(Get(SpreadsheetColumns.Committees), actor, committees, Error);
        if (start is not null && committeeIds.Count > 0
            && locks.FirstOrDefault(l => l.Covers(LockTarget.OfEvent(campaignId, start.Value, committeeIds))) is { } locked)
        {
            Error(Start, lockService.Message(locked));
        }

        var location = Get(SpreadsheetColumns.Venue);
        var series = Get(Series);
        var narrative = Get(Narrative);
        MaxLength(SpreadsheetColumns.Venue, location, LocationMaxLength, Error);
        MaxLength(Series, series, SeriesMaxLength, Error);
        MaxLength(Narrative, narrative, EventService.NarrativeMaxLength, Error);

        int? stop = null;
        if (Value(Stop) is { } stopCell && Text(stopCell) is { } stopText)
        {
            if (int.TryParse(stopText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                stop = number;
            }
            else
            {
                Error(Stop, localizer["Event_Error_StopNumber"]);
            }
        }

        var highlight = false;
        if (Get(Highlight) is { } flag)
        {
            if (YesNo(flag) is { } parsed)
            {
                highlight = parsed;
            }
            else
            {
                Error(Highlight, string.Format(localizer["Import_Error_YesNo"], flag));
            }
        }

        var figures = new List<MetricValue>();
        foreach (var (index, metric) in layout.Metrics)
        {
            if (ReadFigure(Cell(row, index), metric.Code, Error) is { } value)
            {
                figures.Add(new MetricValue
                {
                    MetricDefinitionId = metric.Id,
                    CampaignId = campaignId,
                    // A row without a start is an error and saves nothing.
                    Date = DateOnly.FromDateTime(start.GetValueOrDefault()),
                    Value = value,
                });
            }
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new CampaignEvent
        {
            CampaignId = campaignId,
            Title = title!,
            Kind = kind!.Value,
            Channel = channel!.Value,
            Platform = platform,
            StartsAt = start!.Value,
            EndsAt = end!.Value,
            Location = location,
            SeriesName = series,
            StopNumber = stop,
            Narrative = narrative,
            Status = status,
            Highlight = highlight,
            Committees = committeeIds.Select(id => new EventCommittee { CommitteeId = id }).ToList(),
            Figures = figures,
        };
    }

    private TEnum? Code<TEnum>(string? value, string column, string messageKey, string allowed, bool required, Action<string, string> error)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                error(column, localizer["Import_Error_Required"]);
            }

            return null;
        }

        if (Codes<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        error(column, string.Format(localizer[messageKey], value, allowed));
        return null;
    }

    private DateTime? ReadDateTime(object? cell, string column, string requiredKey, Action<string, string> error)
    {
        switch (cell)
        {
            case DateTime date:
                return DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
            case double serial when serial is > 0 and < 2_958_466:
                // A date cell whose format MiniExcel did not recognise arrives as Excel's day number.
                return DateTime.FromOADate(serial);
        }

        var text = Text(cell);
        if (text is null)
        {
            error(column, localizer[requiredKey]);
            return null;
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        error(column, string.Format(localizer["Import_Error_DateTime"], text));
        return null;
    }

    private List<int> ReadCommittees(string? value, Actor actor, CommitteeLookup committees, Action<string, string> error)
    {
        var ids = new List<int>();
        var parts = value?.Split(CommitteeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length == 0)
        {
            error(SpreadsheetColumns.Committees, localizer["Event_Error_CommitteeRequired"]);
            return ids;
        }

        foreach (var part in parts)
        {
            if (committees.Find(part) is { } id)
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                error(SpreadsheetColumns.Committees, string.Format(localizer["Import_Error_UnknownCommittee"], part));
            }
        }

        // As in the event form: a coordinator's event needs one of their own committees (a joint event: any of them).
        if (ids.Count > 0 && !actor.CanWriteForCommittees(ids))
        {
            error(SpreadsheetColumns.Committees, localizer["Event_Error_NotYourCommittee"]);
        }

        // As in the event form: a coordinator cannot add work to a campaign their committees do not take part in.
        if (!actor.IsAdmin)
        {
            foreach (var outsider in ids.Where(id => !committees.Participating.Contains(id)))
            {
                error(SpreadsheetColumns.Committees, string.Format(localizer["Event_Error_CommitteeNotInCampaign"], outsider));
            }
        }

        return ids;
    }

    private decimal? ReadFigure(object? cell, string column, Action<string, string> error)
    {
        decimal value;
        switch (cell)
        {
            case double number when double.IsFinite(number):
                value = number is > (double)decimal.MaxValue or < (double)decimal.MinValue ? decimal.MaxValue : (decimal)number;
                break;
            case int or long or decimal or float:
                value = Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                break;
            default:
                var text = Text(cell);
                if (text is null)
                {
                    return null;
                }

                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
                {
                    error(column, string.Format(localizer["Import_Error_NotANumber"], text));
                    return null;
                }

                break;
        }

        if (value < 0)
        {
            error(column, localizer["Figures_Error_Negative"]);
            return null;
        }

        if (value > MaxFigure)
        {
            error(column, localizer["Figures_Error_TooLarge"]);
            return null;
        }

        return value;
    }

    private void MaxLength(string column, string? value, int max, Action<string, string> error)
    {
        if (value?.Length > max)
        {
            error(column, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private static bool? YesNo(string value) => value.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "是" or "√" or "✓" => true,
        "no" or "n" or "false" or "0" or "否" => false,
        _ => null,
    };

    private static object? Cell(SheetRow row, int index) => index < row.Cells.Length ? row.Cells[index] : null;

    private static bool IsBlank(SheetRow row) => row.Cells.All(c => Text(c) is null);

    /// <summary>A cell as trimmed text; null when empty. Numbers and dates are written the way the columns expect them.</summary>
    internal static string? Text(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s,
            DateTime d => FormatDateTime(d),
            double n => n.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Undoes the apostrophe the CSV export puts before text that a spreadsheet would run as a formula.</summary>
    internal static string? StripFormulaGuard(string? text) =>
        text is ['\'', '=' or '+' or '-' or '@', ..] ? text[1..] : text;

    private static string ColumnLetter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + (index - 1) % 26) + letters;
        }

        return letters;
    }

    private sealed record CommitteeName(int Id, string Name, string? NameEn);

    /// <summary>Committees by name (Chinese or English, any case) or by id.</summary>
    private sealed class CommitteeLookup
    {
        private readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<int> ids = [];

        public CommitteeLookup(IEnumerable<CommitteeName> committees, IEnumerable<int> participating)
        {
            Participating = participating.ToHashSet();
            foreach (var committee in committees)
            {
                ids.Add(committee.Id);
                byName[committee.Name.Trim()] = committee.Id;
                if (!string.IsNullOrWhiteSpace(committee.NameEn))
                {
                    byName.TryAdd(committee.NameEn.Trim(), committee.Id);
                }
            }
        }

        /// <summary>The committees taking part in the campaign imported into.</summary>
        public IReadOnlySet<int> Participating { get; }

        public int? Find(string nameOrId) =>
            byName.TryGetValue(nameOrId, out var id) ? id
            : int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out id) && ids.Contains(id) ? id
            : null;
    }

    /// <summary>Errors in reading order, up to a limit; past it one last entry says how many more there were.</summary>
    private sealed class ErrorList(int limit)
    {
        private readonly List<ImportError> items = [];
        private int dropped;

        public int Count => items.Count + dropped;

        public bool IsEmpty => Count == 0;

        public IReadOnlyList<ImportError> Items => items;

        public void Add(ImportError error)
        {
            if (items.Count < limit)
            {
                items.Add(error);
            }
            else
            {
                dropped++;
            }
        }

        public ImportError? Overflow(string format) =>
            dropped == 0 ? null : new ImportError(0, ImportError.FileColumn, string.Format(format, dropped));
    }
}
