using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Prints SQLite's EXPLAIN QUERY PLAN of captured commands and says whether the large tables are reached through an
/// index. A full scan of Events, EventUnits or MetricValues, or an automatic index SQLite has to build on every
/// run, is what would not stay fast at 100,000 events.
/// </summary>
internal static partial class QueryPlans
{
    private static readonly HashSet<string> LargeTables = ["Events", "EventUnits", "MetricValues", "EventTallies", "FigureTallies"];

    /// <returns>The plan lines that scan a large table without an index (empty when every access is indexed).</returns>
    public static async Task<List<string>> PrintAsync(string connectionString, string title, IReadOnlyList<CapturedCommand> commands, TextWriter output)
    {
        var problems = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await output.WriteLineAsync($"### {title}");
        foreach (var command in commands)
        {
            var aliases = TableAlias().Matches(command.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
            await output.WriteLineAsync();
            await output.WriteLineAsync("```sql");
            await output.WriteLineAsync(command.Sql.Trim());
            await output.WriteLineAsync("```");
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var depth = new Dictionary<long, int> { [0] = 0 };
            var subqueries = new HashSet<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (id, parent, detail) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3));
                depth[id] = depth.GetValueOrDefault(parent) + 1;
                await output.WriteLineAsync($"    {new string(' ', 2 * (depth[id] - 1))}{detail}");
                // A co-routine or materialised subquery shares the alias namespace; scanning its few rows is fine.
                if (detail.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || detail.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                {
                    subqueries.Add(detail[(detail.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                }

                var scan = FullScan().Match(detail);
                if (scan.Success && !subqueries.Contains(scan.Groups["alias"].Value) && aliases.TryGetValue(scan.Groups["alias"].Value, out var table) && LargeTables.Contains(table))
                {
                    problems.Add($"{title}: {detail} ({table}: whole table)");
                }
                else if (detail.Contains("AUTOMATIC", StringComparison.Ordinal))
                {
                    // SQLite builds a throw-away index on every run: it reads all of its source (here a materialised subquery).
                    problems.Add($"{title}: {detail} (index built on every run)");
                }
            }
        }

        await output.WriteLineAsync();
        return problems;
    }

    // EF Core writes FROM "Events" AS "e" / JOIN "MetricValues" AS "m".
    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    // "SCAN e" reads the whole table and "SCAN e USING INDEX ..." a whole index: both grow with the table.
    // "SEARCH e USING INDEX ... (CampaignId=?)" reads only the matching range.
    [GeneratedRegex(@"^SCAN (?<alias>\w+)")]
    private static partial Regex FullScan();
}
