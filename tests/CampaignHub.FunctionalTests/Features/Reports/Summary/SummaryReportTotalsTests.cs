using System.Globalization;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// A campaign of random events and figures (fixed seed) logged through the services: every number of the PDF's
/// totals paragraph is checked against the test's own sums, for the association's roll-up and for one unit.
/// </summary>
public sealed partial class SummaryReportTotalsTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static readonly string[] Statuses = ["held", "held", "held", "confirmed", "planned", "cancelled"];

    /// <summary>What the test logged: each event's kind, channel, units and figures, and the campaign-level entries.</summary>
    private sealed record Logged(string Kind, string Channel, bool Cancelled, int[] Units, Dictionary<string, decimal> Figures);

    private sealed record Entry(int Unit, string Metric, decimal Value);

    [Fact]
    public async Task Every_number_of_the_totals_paragraph_is_the_sum_of_what_was_logged_for_the_campaign_and_for_one_unit()
    {
        var (campaign, units, events, entries, admin) = await LogRandomCampaignAsync();

        var all = await TotalsNumbersAsync(admin, new SummaryReportQuery(campaign, Language: "zh-CN"));
        all.ShouldBe(Expected(events.Where(e => !e.Cancelled), entries));

        // A unit's own summary: its events (joint ones included) and its own campaign-level entries.
        var first = units[0];
        var own = await TotalsNumbersAsync(admin, new SummaryReportQuery(campaign, UnitId: first, Language: "zh-CN"));
        own.ShouldBe(Expected(events.Where(e => !e.Cancelled && e.Units.Contains(first)), entries.Where(e => e.Unit == first)));
        own.ShouldNotBe(all);
    }

    [Fact]
    public async Task The_totals_workbook_holds_the_same_sums()
    {
        var (campaign, _, events, entries, admin) = await LogRandomCampaignAsync();
        await using var scope = factory.Services.CreateAsyncScope();

        var file = await scope.ServiceProvider.GetRequiredService<SummaryReportService>()
            .TotalsWorkbookAsync(admin, new SummaryReportQuery(campaign, Language: "en"));

        file.FileName.ShouldEndWith(".xlsx");
        using var stream = new MemoryStream(file.Content);
        MiniExcel.GetSheetNames(stream).ShouldBe(["Totals", "Events", "Committees", "Targets", "Days"]);
        var metrics = stream.Query(sheetName: "Totals").Cast<IDictionary<string, object>>().Skip(1)
            .ToDictionary(r => (string)r["C"], r => Convert.ToDecimal(r["D"], CultureInfo.InvariantCulture));
        var expected = Sums(events.Where(e => !e.Cancelled), entries);
        metrics.ShouldBe(expected.Where(kv => kv.Value != 0).ToDictionary(), ignoreOrder: true);
        var eventsSheet = stream.Query(sheetName: "Events").Cast<IDictionary<string, object>>().ToList();
        eventsSheet[0]["A"].ShouldBe("Kind");
        Convert.ToInt32(eventsSheet[^1]["D"], CultureInfo.InvariantCulture).ShouldBe(events.Count(e => !e.Cancelled));
    }

    private async Task<List<decimal>> TotalsNumbersAsync(Actor admin, SummaryReportQuery query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<SummaryReportService>();
        var pdf = (await reports.RenderPdfAsync(await reports.BuildAsync(admin, query))).Content;
        var paragraph = ReportPdfText.TotalsParagraph(await ReportPdfText.LayoutAsync(pdf), "总体数据", "数据表");
        return Number().Matches(paragraph).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>
    /// The numbers the paragraph must give, in the source report's order: people taking part by role, online events
    /// by kind, offline events by kind, materials, people who benefited, media reach, then the other metrics.
    /// </summary>
    private static List<decimal> Expected(IEnumerable<Logged> counted, IEnumerable<Entry> entries)
    {
        var events = counted.ToList();
        var sums = Sums(events, entries);
        var catalogue = MetricCatalogue.Starting();
        IEnumerable<decimal> Group(MetricGroup group) =>
            catalogue.Where(m => m.Group == group).Select(m => sums.GetValueOrDefault(m.Code)).Where(v => v != 0);
        var kinds = new[] { "media_interview", "broadcast", "lecture", "free_clinic", "patient_exchange" }
            .Concat(Enum.GetValues<EventKind>().Select(Codes<EventKind>.Of).Except(["media_interview", "broadcast", "lecture", "free_clinic", "patient_exchange"]))
            .ToList();
        IEnumerable<decimal> Events(string channel) =>
            kinds.Select(k => (decimal)events.Count(e => e.Kind == k && e.Channel == channel)).Where(n => n != 0);

        return Group(MetricGroup.Participants)
            .Concat(Events("online")).Concat(Events("offline"))
            .Concat(Group(MetricGroup.Materials)).Concat(Group(MetricGroup.Beneficiaries)).Concat(Group(MetricGroup.MediaReach))
            .Concat(Group(MetricGroup.Screening)).Concat(Group(MetricGroup.Training))
            .ToList();
    }

    private static Dictionary<string, decimal> Sums(IEnumerable<Logged> events, IEnumerable<Entry> entries) =>
        events.SelectMany(e => e.Figures).Concat(entries.Select(e => new KeyValuePair<string, decimal>(e.Metric, e.Value)))
            .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));

    private async Task<(int Campaign, int[] Units, List<Logged> Events, List<Entry> Entries, Actor Admin)> LogRandomCampaignAsync()
    {
        var random = new Random(20210415);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var units = new[]
        {
            await factory.AddUnitAsync($"随机甲专委会{suffix}"),
            await factory.AddUnitAsync($"随机乙专委会{suffix}"),
            await factory.AddUnitAsync($"随机丙专委会{suffix}"),
        };
        var start = new DateOnly(2025, 4, 15);
        // No digits in the name: it is in the page footer, which may fall inside the paragraph's text.
        var campaign = await factory.AddCampaignAsync("随机数据宣传周", start, start.AddDays(6), units);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"report-admin-{suffix}@test.campaignhub.local", Roles.Admin));
        var metricCodes = MetricCatalogue.Starting().Select(m => m.Code).ToArray();
        var kinds = Enum.GetValues<EventKind>().Select(Codes<EventKind>.Of).ToArray();

        await using var scope = factory.Services.CreateAsyncScope();
        var eventService = scope.ServiceProvider.GetRequiredService<EventService>();
        var logged = new List<Logged>();
        for (var i = 0; i < 60; i++)
        {
            var online = random.Next(3) == 0;
            var kind = kinds[random.Next(kinds.Length)];
            var status = Statuses[random.Next(Statuses.Length)];
            // A fifth of the events are joint events of two units.
            var owners = random.Next(5) == 0
                ? units.OrderBy(_ => random.Next()).Take(2).ToArray()
                : [units[random.Next(units.Length)]];
            var figures = metricCodes.Where(_ => random.Next(10) < 3).ToDictionary(c => c, _ => (decimal)random.Next(1, 3000));
            // The catalogue's relations hold in logged data (positive, referred, diagnosed early at most screened).
            foreach (var (code, bound) in MetricCatalogue.StartingRelations)
            {
                if (figures.TryGetValue(code, out var value) && figures.TryGetValue(bound, out var most) && value > most)
                {
                    figures[code] = most;
                }
            }
            var at = start.AddDays(random.Next(7)).ToDateTime(new TimeOnly(random.Next(8, 19), 0));
            await eventService.CreateAsync(admin, new EventInput
            {
                CampaignId = campaign,
                UnitIds = [.. owners],
                Title = $"随机活动 {i}",
                Kind = kind,
                Channel = online ? "online" : "offline",
                Platform = online ? "live_stream" : null,
                Status = status,
                Start = at,
                End = at.AddHours(2),
                Highlight = random.Next(6) == 0,
                Narrative = "随机活动的记述。",
                Figures = figures,
            });
            logged.Add(new Logged(kind, online ? "online" : "offline", status == "cancelled", owners, figures));
        }

        // Media reach of the week per unit and day, which belongs to no single event.
        var entries = new List<Entry>();
        var campaignFigures = scope.ServiceProvider.GetRequiredService<CampaignFigureService>();
        foreach (var unit in units)
        {
            foreach (var day in new[] { 0, 3 })
            {
                var figures = new Dictionary<string, decimal> { ["reach_wechat"] = random.Next(100, 40000), ["reach_douyin"] = random.Next(1, 500) };
                await campaignFigures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = unit, Date = start.AddDays(day), Figures = figures });
                entries.AddRange(figures.Select(f => new Entry(unit, f.Key, f.Value)));
            }
        }

        return (campaign, units, logged, entries, admin);
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
