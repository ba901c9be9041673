using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Data.Seeding.Shanxi;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Data.Seeding;

/// <summary>
/// The Shanxi 2021 demo data (Seed:Demo): its week's totals are the closing table of the source report, read from
/// ../shared/seeds/README.md, and it is loaded once.
/// </summary>
public sealed partial class ShanxiDemoDataTests(ShanxiDemoAppFactory factory) : IClassFixture<ShanxiDemoAppFactory>
{
    private static readonly string SeedsDirectory = RepositoryPaths.SeedsDirectory;

    private static readonly string SourceText = File.ReadAllText(Path.Combine(SeedsDirectory, "000_e46fe9d50bf54d3b.txt"));

    // The README's English item names → metric codes and event kind codes of PRODUCT.md.
    private static readonly Dictionary<string, string> MetricByItem = new()
    {
        ["medical staff"] = "staff_medical",
        ["scientists"] = "staff_scientists",
        ["organisers"] = "staff_organisers",
        ["backstage staff"] = "staff_backstage",
        ["volunteers"] = "volunteers",
        ["media staff"] = "staff_media",
        ["popular-science books"] = "books",
        ["brochures and leaflets"] = "brochures",
        ["audio-visual products"] = "av_products",
        ["patients"] = "patients_benefited",
        ["public"] = "public_benefited",
        ["TV"] = "reach_tv",
        ["radio"] = "reach_radio",
        ["self-media"] = "reach_self_media",
        ["portal websites"] = "reach_portal",
        ["Douyin"] = "reach_douyin",
        ["WeChat official account"] = "reach_wechat",
    };

    private static readonly Dictionary<string, string> KindByItem = new()
    {
        ["media interviews"] = "media_interview",
        ["radio and TV programmes"] = "broadcast",
        ["lectures"] = "lecture",
        ["free clinics / consultations"] = "free_clinic",
        ["patient exchanges"] = "patient_exchange",
    };

    [Fact]
    public async Task The_week_totals_equal_the_closing_table_of_the_source_report()
    {
        var (metrics, events) = ClosingTable();
        metrics.Count.ShouldBe(17);
        events.Count.ShouldBe(10);
        var (_, client) = await factory.ApiUserAsync(Roles.Staff);

        var totals = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{await CampaignIdAsync()}/totals?from=2021-04-15&to=2021-04-21");

        foreach (var (code, value) in metrics)
        {
            totals.GetProperty("metrics").GetProperty(code).GetDecimal().ShouldBe(value, code);
        }

        foreach (var ((kind, channel), count) in events)
        {
            totals.GetProperty("events").GetProperty(kind).GetProperty(channel).GetInt32().ShouldBe(count, $"{kind} {channel}");
        }

        // Launch ceremony, screenings, training... count as events too, beyond the table's five kinds.
        totals.GetProperty("eventCount").GetInt32().ShouldBeGreaterThan(events.Values.Sum());
    }

    [Fact]
    public async Task The_campaign_has_the_25_units_the_text_names()
    {
        await using var db = await factory.DbAsync();
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Units).ThenInclude(c => c.Unit)
            .SingleAsync(c => c.Name == ShanxiDemoSeeder.CampaignName);

        campaign.Theme.ShouldBe("点亮癌症之路 助力健康中国");
        campaign.Edition.ShouldBe("第27届");
        campaign.StartDate.ShouldBe(new DateOnly(2021, 4, 15));
        campaign.EndDate.ShouldBe(new DateOnly(2021, 4, 21));
        campaign.Units.Count.ShouldBe(25);
        var listed = SourceText[..SourceText.IndexOf("等25个专委会", StringComparison.Ordinal)];
        foreach (var unit in campaign.Units.Select(c => c.Unit!))
        {
            listed.ShouldContain(unit.Name.Replace("专委会", "", StringComparison.Ordinal), Case.Sensitive, unit.Name);
            unit.NameEn.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task Highlighted_events_carry_their_paragraph_of_the_text()
    {
        await using var db = await factory.DbAsync();
        var campaign = await CampaignIdAsync();
        var highlighted = await db.Events.AsNoTracking().Where(e => e.CampaignId == campaign && e.Highlight).OrderBy(e => e.StartsAt).ToListAsync();

        highlighted.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var e in highlighted)
        {
            e.Narrative.ShouldNotBeNullOrWhiteSpace(e.Title);
            // A sentence of the source (its last stop may be a semicolon there).
            SourceText.ShouldContain(e.Narrative!.TrimEnd('。'), Case.Sensitive, e.Title);
            e.Status.ShouldBe(EventStatus.Held);
        }

        // The four numbered sections, in date order: watching the national launch, materials, the Shanxi launch, the week.
        highlighted[0].Kind.ShouldBe(EventKind.LaunchCeremony);
        highlighted[0].Channel.ShouldBe(EventChannel.Online);
        highlighted[1].Kind.ShouldBe(EventKind.MaterialDistribution);
        highlighted.ShouldContain(e => e.Kind == EventKind.LaunchCeremony && e.Channel == EventChannel.Offline && e.StartsAt == new DateTime(2021, 4, 15, 9, 0, 0));
        highlighted.ShouldContain(e => e.Kind == EventKind.Performance && e.Narrative!.Contains("康爱天使合唱团"));
        highlighted.ShouldContain(e => e.Kind == EventKind.Training && e.Narrative!.Contains("260余名"));
        highlighted.ShouldContain(e => e.Platform == OnlinePlatform.TencentMeeting);
        highlighted.ShouldContain(e => e.PlatformDetail == "医典通");
        highlighted.ShouldContain(e => e.Platform == OnlinePlatform.Hotline);
    }

    [Fact]
    public async Task The_stomach_clinic_has_the_figures_the_text_gives()
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Staff);
        var list = await client.GetFromJsonAsync<JsonElement>(
            $"/api/events?campaignId={await CampaignIdAsync()}&kind=free_clinic&channel=offline&from=2021-04-17&to=2021-04-17&pageSize=200");
        var id = list.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("title").GetString()!.StartsWith("保胃健康义诊", StringComparison.Ordinal))
            .GetProperty("id").GetInt32();

        var clinic = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        var figures = clinic.GetProperty("figures");
        figures.GetProperty("brochures").GetDecimal().ShouldBe(100);
        figures.GetProperty("tests_performed").GetDecimal().ShouldBe(80);
        figures.GetProperty("referred").GetDecimal().ShouldBe(30);
        clinic.GetProperty("unitNames").EnumerateArray().Select(c => c.GetString()).ShouldBe(["肿瘤内镜学专委会"]);
    }

    [Fact]
    public async Task The_demo_coordinator_logs_events_for_the_breast_cancer_unit_and_no_other()
    {
        await using var db = await factory.DbAsync();
        var coordinator = await db.Users.SingleAsync(u => u.Email == DemoAccountSeeder.CoordinatorEmail);
        var breast = await db.Units.SingleAsync(c => c.Name == "乳腺癌专委会");
        var lung = await db.Units.SingleAsync(c => c.Name == "肺癌专委会");
        var client = await factory.ApiClientAsync(coordinator.Id);
        var campaignId = await CampaignIdAsync();
        // After the week, so the week's totals stay those of the report.
        object Clinic(int unitId) => new
        {
            campaignId,
            unitIds = new[] { unitId },
            title = "乳腺癌义诊",
            kind = "free_clinic",
            channel = "offline",
            start = "2021-04-28T09:00:00",
            end = "2021-04-28T11:00:00",
        };

        var own = await client.PostAsJsonAsync("/api/events", Clinic(breast.Id));
        var other = await client.PostAsJsonAsync("/api/events", Clinic(lung.Id));

        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        // Refused, naming the unit field, and nothing stored for the other unit.
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitIds", out _).ShouldBeTrue();
        (await db.Events.CountAsync(e => e.StartsAt >= new DateTime(2021, 4, 28) && e.Units.Any(c => c.UnitId == lung.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_demo_accounts_sign_in_with_the_demo_password()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (email, _, _) in DemoAccountSeeder.Accounts)
        {
            (await SignIn.PostLoginAsync(client, email, ShanxiDemoAppFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect, email);
        }
    }

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var before = await CountsAsync(factory);

        using var restart = CampaignHubAppFactory.SharingDatabaseWith(factory);
        restart.Settings["Seed:Demo"] = "true";
        restart.Settings["Seed:DemoPassword"] = ShanxiDemoAppFactory.DemoPassword;
        var after = await CountsAsync(restart);

        after.ShouldBe(before);
        after.Campaigns.ShouldBe(DemoDataSeeder.CampaignNames.Count);
        await using var db = await restart.DbAsync();
        (await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).SelectMany(c => c.Units).CountAsync()).ShouldBe(25);
    }

    [Fact]
    public async Task Seeding_is_recorded_as_system_work_with_its_time_and_no_user()
    {
        var campaign = await CampaignIdAsync();
        var seeded = ShanxiWeekPlan.Build().Events.Count;
        await using var db = await factory.DbAsync();

        // Other tests of this class log events as the demo coordinator; the seeded ones are the system's.
        var events = await db.Events.AsNoTracking().Where(e => e.CampaignId == campaign && e.CreatedById == null).ToListAsync();
        events.Count.ShouldBe(seeded);
        events.ShouldAllBe(e => e.UpdatedById == null && e.CreatedAt != default && e.UpdatedAt != default && e.Version == 1);
        var seededIds = events.Select(e => e.Id).ToList();
        (await db.MetricValues.Where(v => v.CampaignId == campaign && (v.EventId == null || seededIds.Contains(v.EventId.Value)))
            .AnyAsync(v => v.UpdatedById != null || v.UpdatedAt == default)).ShouldBeFalse();

        // The demo week and the metric catalogue are in the trail, as system work: no user.
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(CampaignEvent) && a.CampaignId == campaign && a.Action == "create") || a.EntityType == nameof(MetricDefinition))
            .ToListAsync();
        trail.Count(a => a.EntityType == nameof(CampaignEvent) && a.UserId == null && a.UserEmail == null).ShouldBe(seeded);
        trail.Where(a => a.EntityType == nameof(MetricDefinition)).ShouldNotBeEmpty();
        trail.Where(a => a.EntityType == nameof(MetricDefinition)).ShouldAllBe(a => a.UserId == null && a.UserEmail == null);
        trail.ShouldAllBe(a => a.At != default);
    }

    private sealed record Counts(int Campaigns, int Units, int Organisations, int Events, int Figures, int Coordinators, int Users);

    private static async Task<Counts> CountsAsync(CampaignHubAppFactory app)
    {
        await using var db = await app.DbAsync();
        return new Counts(
            await db.Campaigns.CountAsync(), await db.Units.CountAsync(), await db.Organisations.CountAsync(),
            await db.Events.CountAsync(), await db.MetricValues.CountAsync(), await db.UnitCoordinators.CountAsync(),
            await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.campaignhub.local")));
    }

    private async Task<int> CampaignIdAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
    }

    /// <summary>The closing table of seeds/README.md: metric code → value, and (kind, channel) → event count.</summary>
    private static (Dictionary<string, decimal> Metrics, Dictionary<(string Kind, string Channel), int> Events) ClosingTable()
    {
        var readme = File.ReadAllLines(Path.Combine(SeedsDirectory, "README.md"));
        var rows = readme.SkipWhile(l => !l.StartsWith("## The closing totals", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Skip(2); // header and separator
        var metrics = new Dictionary<string, decimal>();
        var events = new Dictionary<(string, string), int>();
        var group = "";
        foreach (var cells in rows)
        {
            group = cells[0].Length > 0 ? cells[0] : group;
            var item = EnglishPart().Match(cells[1]).Value.Trim();
            var value = int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
            if (group.StartsWith("events,", StringComparison.Ordinal))
            {
                events[(KindByItem[item], group["events,".Length..].Trim())] = value;
            }
            else
            {
                metrics[MetricByItem[item]] = value;
            }
        }

        return (metrics, events);
    }

    [GeneratedRegex(@"^[^\u4e00-\u9fff]+")]
    private static partial Regex EnglishPart();
}
