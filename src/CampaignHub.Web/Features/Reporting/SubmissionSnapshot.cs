using System.Globalization;
using System.Text.Json;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// A unit's figures for a period as they were submitted (stored as JSON on the submission) or as they are now: the
/// totals as <see cref="TotalsService"/> counts them for the unit, the unit's events in the period with their
/// versions and own figures (cancelled ones included, marked so), and its campaign-level figures by day.
/// </summary>
public sealed record SubmissionSnapshot(
    CampaignTotals Totals,
    IReadOnlyList<SnapshotEvent> Events,
    IReadOnlyList<SnapshotEntry> Entries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new DateOnlyJsonConverter(), new CodeJsonConverterFactory() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SubmissionSnapshot? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SubmissionSnapshot>(json, Json);

    /// <summary>
    /// What differs between <paramref name="before"/> and <paramref name="after"/>: events added, removed or edited
    /// (status, title, start, each figure; "edited" alone when only other details changed), and campaign-level
    /// figures changed by day. Events in date order, then the entries.
    /// </summary>
    public static IReadOnlyList<SubmissionChange> Compare(SubmissionSnapshot before, SubmissionSnapshot after)
    {
        var changes = new List<SubmissionChange>();
        var old = before.Events.ToDictionary(e => e.Id);
        var now = after.Events.ToDictionary(e => e.Id);
        foreach (var e in after.Events.Concat(before.Events.Where(b => !now.ContainsKey(b.Id))).OrderBy(e => e.Start).ThenBy(e => e.Id))
        {
            if (!old.TryGetValue(e.Id, out var was))
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventAdded, e.Id, e.Title));
                continue;
            }

            if (!now.ContainsKey(e.Id))
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventRemoved, e.Id, e.Title));
                continue;
            }

            if (was.Version == e.Version)
            {
                continue;
            }

            var before0 = changes.Count;
            if (was.Status != e.Status)
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventStatus, e.Id, e.Title,
                    OldText: Codes<EventStatus>.Of(was.Status), NewText: Codes<EventStatus>.Of(e.Status)));
            }

            if (was.Title != e.Title)
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventTitle, e.Id, e.Title, OldText: was.Title, NewText: e.Title));
            }

            if (was.Start != e.Start)
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventStart, e.Id, e.Title,
                    OldText: was.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), NewText: e.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }

            foreach (var code in was.Figures.Keys.Union(e.Figures.Keys).Order(StringComparer.Ordinal))
            {
                decimal? from = was.Figures.TryGetValue(code, out var a) ? a : null;
                decimal? to = e.Figures.TryGetValue(code, out var b) ? b : null;
                if (from != to)
                {
                    changes.Add(new SubmissionChange(SubmissionChangeKind.Figure, e.Id, e.Title, code, OldValue: from, NewValue: to));
                }
            }

            if (changes.Count == before0)
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.EventEdited, e.Id, e.Title));
            }
        }

        var oldEntries = before.Entries.ToDictionary(x => (x.Date, x.Code), x => x.Value);
        var newEntries = after.Entries.ToDictionary(x => (x.Date, x.Code), x => x.Value);
        foreach (var key in oldEntries.Keys.Union(newEntries.Keys).OrderBy(k => k.Date).ThenBy(k => k.Code, StringComparer.Ordinal))
        {
            decimal? from = oldEntries.TryGetValue(key, out var a) ? a : null;
            decimal? to = newEntries.TryGetValue(key, out var b) ? b : null;
            if (from != to)
            {
                changes.Add(new SubmissionChange(SubmissionChangeKind.Entry, null, null, key.Code, key.Date, from, to));
            }
        }

        return changes;
    }
}

/// <summary>One event of the unit in the period, as submitted or as it is now.</summary>
public sealed record SnapshotEvent(
    int Id,
    string Title,
    EventKind Kind,
    EventChannel Channel,
    EventStatus Status,
    DateTime Start,
    bool Highlight,
    long Version,
    IReadOnlyDictionary<string, decimal> Figures);

/// <summary>One campaign-level figure of the unit: a day's value of a metric.</summary>
public sealed record SnapshotEntry(DateOnly Date, string Code, decimal Value);

/// <summary>
/// One difference between two states of a submission's figures. Figures carry old and new values (null: none);
/// status, title and start carry old and new text (status as its code).
/// </summary>
public sealed record SubmissionChange(
    SubmissionChangeKind Kind,
    int? EventId,
    string? EventTitle,
    string? MetricCode = null,
    DateOnly? Date = null,
    decimal? OldValue = null,
    decimal? NewValue = null,
    string? OldText = null,
    string? NewText = null);
