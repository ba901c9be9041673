using System.Text.Json;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;

namespace CampaignHub.Web.Features.Reports.Drafts;

/// <summary>How a draft's blocks and remembered figures are stored: JSON, block kinds as their codes, as the API writes them.</summary>
public static class ReportDraftJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new CodeJsonConverterFactory() } };

    public static string Write(IReadOnlyList<ReportDraftBlock> blocks) => JsonSerializer.Serialize(blocks, Options);

    /// <summary>The stored blocks; a block of a kind this version does not know is skipped rather than breaking the draft.</summary>
    public static List<ReportDraftBlock> Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<ReportDraftBlock>>(json, Options)?.Where(b => b is not null).ToList() ?? [];
        }
        catch (JsonException)
        {
            using var document = JsonDocument.Parse(json);
            var blocks = new List<ReportDraftBlock>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                try
                {
                    if (element.Deserialize<ReportDraftBlock>(Options) is { } block)
                    {
                        blocks.Add(block);
                    }
                }
                catch (JsonException)
                {
                    // Written by a later version: left out of this one's view, kept in the database until saved.
                }
            }

            return blocks;
        }
    }

    public static string WriteFigures(IReadOnlyDictionary<string, decimal> figures) => JsonSerializer.Serialize(figures, Options);

    public static Dictionary<string, decimal> ReadFigures(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Options) ?? [];

    /// <summary>A deep copy, so an editor's working blocks never share objects with the saved ones.</summary>
    public static List<ReportDraftBlock> Copy(IEnumerable<ReportDraftBlock> blocks) => Read(Write(blocks.ToList()));
}
