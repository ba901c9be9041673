using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CampaignHub.EndToEndTests.Accessibility;

/// <summary>
/// axe-core (npm <c>axe-core</c> 4.14.1, MPL-2.0, vendored as <c>axe.min.js</c> beside this file) run in the page
/// itself, against WCAG 2.1 A and AA.
/// </summary>
public static class Axe
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js"));

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated through the browser's debugging protocol, not as an inline script tag: the app's content
            // security policy (rightly) refuses inline scripts without its nonce.
            await page.EvaluateAsync(Script);
        }

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => {
                        // The field a control belongs to, so a report can say which one it is.
                        const element = document.querySelector(n.target.join(' '));
                        const field = element?.closest('.mud-input-control, [data-testid]');
                        const label = field?.querySelector('label')?.textContent ?? field?.getAttribute('data-testid');
                        return { target: n.target.join(' '), html: n.html, summary: n.failureSummary, field: label ?? null };
                    }),
                })));
            }
            """,
            Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>The violations with every node, for a failure message someone can act on.</summary>
    public static string Describe(string where, IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"{where}: [{violation.Impact}] {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {node.Target}{(node.Field is null ? "" : $" (in: {node.Field})")}");
                text.AppendLine($"        {node.Html}");
                text.AppendLine($"        {node.Summary?.ReplaceLineEndings(" ")}");
            }
        }

        return text.ToString();
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";
}

public sealed record AxeNode(string Target, string Html, string? Summary, string? Field);
