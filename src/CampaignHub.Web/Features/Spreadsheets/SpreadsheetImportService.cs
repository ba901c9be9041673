using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static CampaignHub.Web.Features.Spreadsheets.SpreadsheetColumns;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>
/// Imports a campaign's events with their figures from an XLSX or CSV file: all rows or none. Each row's cells are
/// read into an <see cref="EventInput"/> and checked by <see cref="EventInputValidator"/>, the rules the form and
/// the API follow, against lookups loaded once (units, metric catalogue): a defect gets the API's message,
/// reported by row and column. Only a file without any problem is saved, in one transaction. A row dated in a
/// period a finalised report locks is an error of its start column: checked here by the locks' own rule
/// (<see cref="ReportLock.Covers"/>) to name the rows, and refused again by the save path should anything slip by.
/// </summary>
public sealed class SpreadsheetImportService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    IStringLocalizer<SharedResource> localizer,
    ILogger<SpreadsheetImportService> logger,
    EventInputValidator validator,
    AssociationClock clock,
    ReportLockService lockService)
{
    /// <summary>Enough for any campaign; keeps one upload's memory and transaction bounded.</summary>
    public const int MaxRows = 20_000;

    /// <summary>A file that is wrong everywhere would otherwise produce an error list larger than the file.</summary>
    public const int MaxErrors = 1_000;

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
        string contentHash;
        try
        {
            var bytes = await SheetReader.ReadAllAsync(file, cancellationToken);
            contentHash = Convert.ToHexString(SHA256.HashData(bytes));
            if (await EarlierImportAsync(db, campaignId, contentHash, cancellationToken) is { } earlier)
            {
                return new ImportResult(0, []) { AlreadyImported = earlier };
            }

            rows = SheetReader.Read(bytes, fileName, cancellationToken);
        }
        catch (SheetFormatException ex)
        {
            return ImportResult.Failed([new ImportError(ex.Row, ex.Column ?? ImportError.FileColumn, string.Format(localizer[ex.MessageKey], ex.Arguments))]);
        }

        // Everything a row may refer to, loaded once: no query per row.
        var units = new UnitLookup(
            await db.Units.AsNoTracking().Select(c => new UnitName(c.Id, c.Name, c.NameEn)).ToListAsync(cancellationToken));
        var rules = await EventRuleContext.ForCampaignAsync(db, campaignId, cancellationToken);
        var locks = await lockService.ActiveAsync(db, campaignId, cancellationToken);

        var errors = new ErrorList(MaxErrors);
        var layout = ReadHeader(rows, rules.Catalogue, errors);
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
            var entity = ReadEvent(row, layout, actor, campaignId, units, rules, locks, errors);
            if (errors.IsEmpty)
            {
                events.Add(entity!);
            }
        }

        if (!errors.IsEmpty)
        {
            return Failed(errors);
        }

        // One transaction for the events, their units and figures, their audit entries and the record of the
        // file: all or nothing. Everything was read and checked before it begins, so the write lock it takes at once
        // (other users' writes queue behind it; readers never wait in WAL mode) is held only for the inserts, which
        // are one save of new records only, written by plain INSERTs through the same save rules
        // (SaveAddedInBulkAsync): the day tallies are recounted once for the whole file, not once per batch of it.
        // Everything is new and nothing changes after Add, so scanning 10,000s of entries for changes is wasted work.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var asked = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var waited = asked.Elapsed;
            var held = Stopwatch.StartNew();
            // Two uploads of the same file at once: the second sees the first's record once it has the lock.
            if (await EarlierImportAsync(db, campaignId, contentHash, cancellationToken) is { } earlier)
            {
                return new ImportResult(0, []) { AlreadyImported = earlier };
            }

            db.Events.AddRange(events);
            await db.SaveAddedInBulkAsync(cancellationToken);
            db.ChangeTracker.Clear();

            db.EventImports.Add(new EventImport
            {
                CampaignId = campaignId,
                ContentHash = contentHash,
                FileName = FileNameOf(fileName),
                EventCount = events.Count,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // SQL Server lets both transactions read before either writes; the unique index decides.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new ImportResult(0, [])
                {
                    AlreadyImported = await EarlierImportAsync(db, campaignId, contentHash, CancellationToken.None),
                };
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation(
                "Imported {Count} events into campaign {CampaignId} from a {Format} file; waited {WaitMs} ms for the write lock and held it {HeldMs} ms",
                events.Count, campaignId, Path.GetExtension(fileName ?? ""), (long)waited.TotalMilliseconds, held.ElapsedMilliseconds);
        }

        return new ImportResult(events.Count, []);
    }

    /// <summary>The earlier import of the same bytes into the campaign, with a message naming when (in the association's time).</summary>
    private async Task<EarlierImport?> EarlierImportAsync(CampaignHubDbContext db, int campaignId, string contentHash, CancellationToken cancellationToken)
    {
        var earlier = await db.EventImports.AsNoTracking()
            .Where(i => i.CampaignId == campaignId && i.ContentHash == contentHash)
            .Select(i => new { i.CreatedAt, i.EventCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        var local = clock.ToLocal(DateTime.SpecifyKind(earlier.CreatedAt, DateTimeKind.Utc));
        return new EarlierImport(earlier.CreatedAt, earlier.EventCount,
            string.Format(localizer["Import_Error_AlreadyImported"], FormatDateTime(local), earlier.EventCount));
    }

    private static string? FileNameOf(string? fileName)
    {
        var name = Path.GetFileName(fileName?.Trim());
        return string.IsNullOrEmpty(name) ? null
            : name.Length <= EventImport.FileNameMaxLength ? name
            : name[^EventImport.FileNameMaxLength..];
    }

    private ImportResult Failed(ErrorList errors) =>
        ImportResult.Failed(errors.Overflow(localizer["Import_Error_MoreErrors"]) is { } more ? [.. errors.Items, more] : errors.Items);

    private ImportResult FileError(string key, params object[] arguments) =>
        ImportResult.Failed([new ImportError(0, ImportError.FileColumn, string.Format(localizer[key], arguments))]);

    /// <summary>Where each column is: the fixed columns by name, the figures by metric.</summary>
    private sealed record Layout(Dictionary<string, int> Columns, List<(int Index, MetricDefinition Metric)> Metrics);

    private Layout? ReadHeader(List<SheetRow> rows, IReadOnlyDictionary<string, MetricDefinition> catalogue, ErrorList errors)
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
        // Which columns have a value in some row, found in one pass: asking every row for every column is quadratic.
        var used = new bool[header.Length];
        foreach (var row in rows.Skip(1))
        {
            for (var i = 0; i < Math.Min(row.Cells.Length, used.Length); i++)
            {
                used[i] |= Text(row.Cells[i]) is not null;
            }
        }

        for (var i = 0; i < header.Length; i++)
        {
            var name = Text(header[i]);
            if (string.Equals(name, SpreadsheetColumns.LegacyUnits, StringComparison.OrdinalIgnoreCase))
            {
                name = SpreadsheetColumns.Units;
            }

            if (name is null)
            {
                // A column without a header is fine while it is empty (spreadsheets often carry stray formatting).
                if (used[i])
                {
                    errors.Add(new ImportError(1, Letter(i), localizer["Import_Error_NoColumnName"]));
                }

                continue;
            }

            // A name no column has is quoted short: it is the user's text and may be long.
            var quoted = ValueEcho.Short(name);
            if (!seen.Add(name))
            {
                errors.Add(new ImportError(1, quoted, string.Format(localizer["Import_Error_DuplicateColumn"], quoted)));
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
                errors.Add(new ImportError(1, quoted, string.Format(localizer["Import_Error_UnknownColumn"], quoted, string.Join(", ", Fixed))));
            }
        }

        foreach (var required in Required.Where(r => !columns.ContainsKey(r)).Order())
        {
            errors.Add(new ImportError(1, required, string.Format(localizer["Import_Error_MissingColumn"], required)));
        }

        return errors.IsEmpty ? new Layout(columns, metrics) : null;
    }

    /// <summary>
    /// Checks one row, adding its problems; returns the event to save (meaningless once there are errors). Cells that
    /// cannot be read as their type (a date, a number, yes/no, a unit's name) are errors of the import; every
    /// rule about the values is the validator's.
    /// </summary>
    private CampaignEvent? ReadEvent(
        SheetRow row, Layout layout, Actor actor, int campaignId, UnitLookup units, EventRuleContext rules,
        IReadOnlyList<ReportLock> locks, ErrorList errors)
    {
        object? Value(string column) => layout.Columns.TryGetValue(column, out var index) ? Cell(row, index) : null;
        string? Get(string column) => StripFormulaGuard(Text(Value(column)));
        var unreadable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Error(string column, string message)
        {
            unreadable.Add(column);
            errors.Add(new ImportError(row.Number, column, message));
        }

        var input = new EventInput
        {
            CampaignId = campaignId,
            Title = Get(Title),
            Kind = Get(Kind),
            Channel = Get(Channel),
            Platform = Get(Platform),
            Start = ReadDateTime(Value(Start), Start, Error),
            End = ReadDateTime(Value(End), End, Error),
            UnitIds = ReadUnits(Get(SpreadsheetColumns.Units), units, Error),
            Location = Get(SpreadsheetColumns.Venue),
            SeriesName = Get(Series),
            StopNumber = ReadStop(Value(Stop), Error),
            Narrative = Get(Narrative),
            SectionGroup = Get(Section),
            TitleEn = Get(SpreadsheetColumns.TitleEn),
            NarrativeEn = Get(SpreadsheetColumns.NarrativeEn),
            SectionGroupEn = Get(SpreadsheetColumns.SectionEn),
            Link = Get(SpreadsheetColumns.Link),
            Status = Get(Status),
            Highlight = ReadHighlight(Get(Highlight), Error),
            Figures = layout.Metrics
                .Select(m => (m.Metric.Code, Value: ReadFigure(Cell(row, m.Index), m.Metric.Code, Error)))
                .Where(f => f.Value is not null)
                .ToDictionary(f => f.Code, f => f.Value!.Value, StringComparer.OrdinalIgnoreCase),
            Estimated = SpreadsheetColumns.EstimatedCodes(Get(SpreadsheetColumns.Estimated)),
        };

        var problems = new ValidationErrors();
        var valid = validator.Validate(actor, input, rules, problems);
        foreach (var (field, message) in problems.Items)
        {
            var column = ColumnOf(field);
            // A cell that could not be read has said so; "required" on top of "not a date" would only confuse.
            if (!unreadable.Contains(column))
            {
                errors.Add(new ImportError(row.Number, column, message));
            }
        }

        var unitIds = input.UnitIds;
        if (input.Start is { } start && unitIds.Count > 0
            && locks.FirstOrDefault(l => l.Covers(LockTarget.OfEvent(campaignId, start, unitIds))) is { } locked)
        {
            Error(Start, lockService.Message(locked));
        }

        if (!errors.IsEmpty || valid is null)
        {
            return null;
        }

        return new CampaignEvent
        {
            CampaignId = campaignId,
            Title = input.Title!,
            Kind = valid.Kind,
            Channel = valid.Channel,
            Platform = valid.Platform,
            StartsAt = input.Start!.Value,
            EndsAt = input.End!.Value,
            Location = input.Location,
            SeriesName = input.SeriesName,
            StopNumber = input.StopNumber,
            Narrative = input.Narrative,
            SectionGroup = string.IsNullOrWhiteSpace(input.SectionGroup) ? null : input.SectionGroup.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(input.TitleEn) ? null : input.TitleEn.Trim(),
            NarrativeEn = string.IsNullOrWhiteSpace(input.NarrativeEn) ? null : input.NarrativeEn,
            SectionGroupEn = string.IsNullOrWhiteSpace(input.SectionGroupEn) ? null : input.SectionGroupEn.Trim(),
            Link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim(),
            Status = valid.Status,
            Highlight = input.Highlight,
            Units = unitIds.Select(id => new EventUnit { UnitId = id }).ToList(),
            Figures = input.Figures.Select(f => new MetricValue
            {
                MetricDefinitionId = rules.Catalogue[f.Key].Id,
                CampaignId = campaignId,
                Date = DateOnly.FromDateTime(input.Start.Value),
                Value = f.Value,
                IsEstimate = input.Estimated?.Contains(f.Key, StringComparer.OrdinalIgnoreCase) == true,
            }).ToList(),
        };
    }

    private int? ReadStop(object? cell, Action<string, string> error)
    {
        if (Text(cell) is not { } text)
        {
            return null;
        }

        // A stop below 1 is the validator's to refuse; only a cell that is no whole number at all is the import's.
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        error(Stop, string.Format(localizer["Event_Error_StopNumber"], EventLimits.MaxStopNumber));
        return null;
    }

    private bool ReadHighlight(string? flag, Action<string, string> error)
    {
        if (flag is null)
        {
            return false;
        }

        if (YesNo(flag) is { } parsed)
        {
            return parsed;
        }

        error(Highlight, string.Format(localizer["Import_Error_YesNo"], ValueEcho.Short(flag)));
        return false;
    }

    /// <summary>A date cell, Excel's day number or text in one of the formats; null when empty (the validator requires it).</summary>
    private DateTime? ReadDateTime(object? cell, string column, Action<string, string> error)
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
            return null;
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        error(column, string.Format(localizer["Import_Error_DateTime"], ValueEcho.Short(text)));
        return null;
    }

    /// <summary>Units by name or id; a name that matches none is the import's error, the rest the validator's.</summary>
    private List<int> ReadUnits(string? value, UnitLookup units, Action<string, string> error)
    {
        var ids = new List<int>();
        foreach (var part in value?.Split(UnitSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            if (units.Find(part) is { } id)
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                error(SpreadsheetColumns.Units, string.Format(localizer["Import_Error_UnknownUnit"], ValueEcho.Short(part)));
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
                    error(column, string.Format(localizer["Import_Error_NotANumber"], ValueEcho.Short(text)));
                    return null;
                }

                break;
        }

        return value;
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

    private sealed record UnitName(int Id, string Name, string? NameEn);

    /// <summary>Units by name (Chinese or English, any case) or by id.</summary>
    private sealed class UnitLookup
    {
        private readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<int> ids = [];

        public UnitLookup(IEnumerable<UnitName> units)
        {
            foreach (var unit in units)
            {
                ids.Add(unit.Id);
                byName[unit.Name.Trim()] = unit.Id;
                if (!string.IsNullOrWhiteSpace(unit.NameEn))
                {
                    byName.TryAdd(unit.NameEn.Trim(), unit.Id);
                }
            }
        }

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
