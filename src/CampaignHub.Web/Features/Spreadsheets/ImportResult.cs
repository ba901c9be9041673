namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>
/// The outcome of an import: either every row was imported (<see cref="Imported"/>), or nothing was and
/// <see cref="Errors"/> lists every problem by row and column.
/// </summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0 && AlreadyImported is null;

    /// <summary>Set when this very file was imported into the campaign before: nothing was imported again.</summary>
    public EarlierImport? AlreadyImported { get; init; }

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, errors);
}

/// <summary>The import that already brought this file in: when (UTC), how many events, and a message saying so.</summary>
public sealed record EarlierImport(DateTime ImportedAt, int Imported, string Message);

/// <summary>
/// One problem: <see cref="Row"/> is the row number the user sees in the spreadsheet (1 is the header row; 0 means
/// the file as a whole), <see cref="Column"/> the column header (or "file"), the message in the user's language.
/// </summary>
public sealed record ImportError(int Row, string Column, string Message)
{
    public const string FileColumn = "file";

    /// <summary>The field name of the API's problem details, e.g. <c>row 3: kind</c>.</summary>
    public string Key => Row > 0 ? $"row {Row}: {Column}" : Column;
}

public sealed record CampaignChoice(int Id, string Name, string? NameEn);
