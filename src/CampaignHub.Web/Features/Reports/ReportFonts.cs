namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// The fonts every printed document uses: CampaignHub Sans SC, Noto Sans CJK SC converted to TrueType outlines and
/// subset to GB 2312, Latin and common symbols (<c>scripts/make-report-fonts.py</c>; licence in <c>Fonts/OFL.txt</c>).
/// Chromium's PDF backend embeds CFF-outline fonts such as the system's Noto CJK as hundreds of unnamed Type 3 fonts;
/// these it embeds as named, subsetted CID TrueType fonts, with a real bold. Characters outside the subset fall back
/// to the system's Noto Sans CJK SC.
/// </summary>
/// <remarks>
/// The documents name the fonts by the relative path <see cref="PathPrefix"/>: the app serves it (the on-screen
/// preview, an iframe of the same HTML, shows the same letters as the PDF) and the PDF renderer answers it from
/// memory without any network.
/// </remarks>
public static class ReportFonts
{
    public const string Family = "CampaignHub Sans SC";

    /// <summary>The CSS font list of a printed document.</summary>
    public const string Stack = "\"CampaignHub Sans SC\", \"Noto Sans CJK SC\", \"Noto Sans SC\", sans-serif";

    public const string PathPrefix = "/report-fonts/";

    public const string ContentType = "font/ttf";

    public static readonly IReadOnlyList<ReportFont> All =
    [
        new("CampaignHubSansSC-Regular.ttf", 400),
        new("CampaignHubSansSC-Bold.ttf", 700),
    ];

    /// <summary>
    /// The <c>@font-face</c> rules for a document's <c>&lt;style&gt;</c>. <c>font-display: block</c>: a print waits
    /// for the font rather than laying out in a fallback first.
    /// </summary>
    public static readonly string FontFaceCss = string.Concat(All.Select(font =>
        $"@font-face {{ font-family: \"{Family}\"; src: url(\"{PathPrefix}{font.FileName}\") format(\"truetype\"); "
        + $"font-weight: {font.Weight}; font-style: normal; font-display: block; }}\n"));

    /// <summary>The font a request path (<c>/report-fonts/CampaignHubSansSC-Bold.ttf</c>) names, or null.</summary>
    public static ReportFont? Find(string path) =>
        path.StartsWith(PathPrefix, StringComparison.Ordinal)
            ? All.FirstOrDefault(f => string.Equals(f.FileName, path[PathPrefix.Length..], StringComparison.Ordinal))
            : null;
}

/// <summary>One weight of the report font; its bytes are embedded in the app's assembly and read once.</summary>
public sealed class ReportFont(string fileName, int weight)
{
    private readonly Lazy<byte[]> content = new(() =>
    {
        using var stream = typeof(ReportFont).Assembly.GetManifestResourceStream($"ReportFonts/{fileName}")
            ?? throw new InvalidOperationException($"The report font {fileName} is not embedded in the app.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public string FileName { get; } = fileName;

    /// <summary>The CSS weight: 400 regular, 700 bold.</summary>
    public int Weight { get; } = weight;

    public byte[] Content => content.Value;
}
