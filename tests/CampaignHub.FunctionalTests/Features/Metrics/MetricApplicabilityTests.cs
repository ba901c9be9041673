using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Metrics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Metrics;

/// <summary>
/// Which metrics fit which kinds of event: sensible defaults for every kind (new databases and existing ones), edited
/// by admins only on the catalogue, and every change in the audit trail.
/// </summary>
public sealed class MetricApplicabilityTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<Actor> ActorAsync(string role) =>
        await factory.ActorAsync(await factory.CreateUserAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local", role));

    /// <summary>The service in a scope signed in as <paramref name="actor"/>, as in the admin's circuit.</summary>
    private async Task<T> WithAsync<T>(Actor actor, Func<MetricDefinitionService, Task<T>> use)
    {
        await using var scope = factory.ScopeFor(actor);
        return await use(scope.ServiceProvider.GetRequiredService<MetricDefinitionService>());
    }

    private async Task<MetricDefinitionDetails> CreateAsync(Actor admin, List<EventKind> kinds, bool isCount = true) =>
        await WithAsync(admin, s => s.CreateAsync(admin, new MetricDefinitionInput
        {
            Code = $"hotline_{Guid.NewGuid():N}"[..20], Name = "热线来电", NameEn = "Hotline calls", Unit = "次", UnitEn = "calls",
            Group = "media_reach", SortOrder = 900, IsCount = isCount, AppliesTo = kinds,
        }));

    private static MetricDefinitionInput Edit(MetricDefinitionDetails metric, List<EventKind> kinds, bool isCount) => new()
    {
        Code = metric.Code, Name = metric.Name, NameEn = metric.NameEn, Unit = metric.Unit, UnitEn = metric.UnitEn,
        Group = metric.Group, SortOrder = metric.SortOrder, IsActive = metric.IsActive, IsCount = isCount, AppliesTo = kinds,
    };

    [Fact]
    public async Task Every_kind_of_event_starts_with_metrics_that_fit_it()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var metrics = await scope.ServiceProvider.GetRequiredService<EventLookupService>().GetMetricsAsync();
        string[] Fitting(EventKind kind) => metrics.Where(m => m.Fits(kind)).Select(m => m.Code).ToArray();

        foreach (var kind in Enum.GetValues<EventKind>())
        {
            Fitting(kind).ShouldNotBeEmpty(kind.ToString());
        }

        Fitting(EventKind.FreeClinic).ShouldBe(
            ["staff_medical", "staff_scientists", "staff_organisers", "staff_backstage", "volunteers", "books", "brochures", "av_products", "patients_benefited", "public_benefited"],
            ignoreOrder: true);
        Fitting(EventKind.MediaInterview).ShouldContain("reach_tv");
        Fitting(EventKind.Broadcast).ShouldContain("reach_radio");
        Fitting(EventKind.MediaInterview).ShouldNotContain("patients_benefited");
        Fitting(EventKind.Screening).ShouldBe(
            ["invited", "screened", "tests_performed", "positive", "referred", "diagnosed_early", "staff_medical", "volunteers"], ignoreOrder: true);
        Fitting(EventKind.Training).ShouldContain("trainees");
        var starting = MetricCatalogue.Starting().Select(m => m.Code).ToHashSet();
        metrics.Where(m => starting.Contains(m.Code)).ShouldAllBe(m => m.IsCount);
    }

    [Fact]
    public async Task An_admin_sets_which_kinds_a_metric_fits_and_whether_it_counts_and_each_change_is_audited()
    {
        var admin = await ActorAsync(Roles.Admin);
        var created = await CreateAsync(admin, [EventKind.Broadcast]);

        var updated = await WithAsync(admin, s => s.UpdateAsync(admin, created.Id, Edit(created, [EventKind.MediaInterview, EventKind.Lecture], isCount: false), created.Version));

        updated.AppliesTo.ShouldBe([EventKind.Lecture, EventKind.MediaInterview], ignoreOrder: true);
        updated.IsCount.ShouldBeFalse();
        updated.Version.ShouldBe(created.Version + 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var option = (await scope.ServiceProvider.GetRequiredService<EventLookupService>().GetMetricsAsync()).Single(m => m.Id == created.Id);
            option.Fits(EventKind.Lecture).ShouldBeTrue();
            option.Fits(EventKind.Broadcast).ShouldBeFalse();
            option.IsCount.ShouldBeFalse();
        }

        // A change of only which kinds it fits is still a new version: a stale save of it conflicts.
        var again = await WithAsync(admin, s => s.UpdateAsync(admin, created.Id, Edit(updated, [EventKind.Lecture], isCount: false), updated.Version));
        again.Version.ShouldBe(updated.Version + 1);
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            WithAsync(admin, s => s.UpdateAsync(admin, created.Id, Edit(updated, [EventKind.Award], isCount: false), updated.Version)));

        await using var db = await factory.DbAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(MetricApplicability) && a.EntityId.StartsWith($"{created.Id}:"))
            .OrderBy(a => a.Id).ToListAsync();
        entries.Select(e => (e.Action, Kind(e))).ShouldBe([
            ("create", "Broadcast"), ("delete", "Broadcast"), ("create", "Lecture"), ("create", "MediaInterview"), ("delete", "MediaInterview")],
            ignoreOrder: true);
        entries.ShouldAllBe(e => e.UserId == admin.UserId);
        var countChange = await db.AuditEntries.Where(a => a.EntityType == nameof(MetricDefinition) && a.EntityId == created.Id.ToString() && a.Action == "update")
            .Select(a => a.Changes).ToListAsync();
        countChange.Count(c => JsonDocument.Parse(c).RootElement.TryGetProperty("IsCount", out var _)).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Only_admins_change_which_kinds_a_metric_fits(string role)
    {
        var admin = await ActorAsync(Roles.Admin);
        var actor = await ActorAsync(role);
        var created = await CreateAsync(admin, [EventKind.Broadcast]);

        await Should.ThrowAsync<ForbiddenException>(() =>
            WithAsync(actor, s => s.UpdateAsync(actor, created.Id, Edit(created, [EventKind.FreeClinic], isCount: true), created.Version)));

        (await WithAsync(admin, s => s.GetAsync(created.Id)))!.AppliesTo.ShouldBe([EventKind.Broadcast]);
        // The catalogue page, where admins edit it, is closed to them.
        var email = $"{role.ToLowerInvariant()}-page-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, role);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);
        (await browser.GetAsync("/admin/metrics")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_catalogue_page_shows_admins_which_kinds_each_metric_fits()
    {
        var email = $"admin-page-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Admin);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);

        var html = await browser.GetStringAsync("/admin/metrics");

        html.ShouldContain("适用的活动类型");
        html.ShouldContain("筛查");
        html.ShouldContain("data-testid=\"metric-row-applies-to\"");
    }

    [Fact]
    public async Task A_database_created_before_applicability_existed_gets_the_defaults_when_migrated()
    {
        var file = Path.Combine(factory.DataDirectory, $"before-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite($"Data Source={file}").Options;
        await using (var db = new SqliteCampaignHubDbContext(options, SaveRules.ForSystemWork()))
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_MetricApplicabilityAndCounts")) - 1]);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO MetricDefinitions (Code, Name, NameEn, Unit, UnitEn, \"Group\", SortOrder, IsActive, Version) VALUES " +
                "('patients_benefited', '患者受益人数', 'Patients who benefited', '人', 'people', 'beneficiaries', 100, 1, 1), " +
                "('reach_radio', '广播媒体流量', 'Radio reach', '人次', 'listens', 'media_reach', 130, 1, 1), " +
                "('own_metric', '自定义', 'Own', '', '', 'other', 900, 1, 1);");

            await migrator.MigrateAsync();
        }

        await using (var db = new SqliteCampaignHubDbContext(options, SaveRules.ForSystemWork()))
        {
            var fits = await db.MetricDefinitions.Include(m => m.AppliesTo).ToDictionaryAsync(m => m.Code, m => m.AppliesTo.Select(a => a.Kind).ToList());
            fits["patients_benefited"].ShouldContain(EventKind.FreeClinic);
            fits["reach_radio"].ShouldBe([EventKind.LaunchCeremony, EventKind.MediaInterview, EventKind.Broadcast], ignoreOrder: true);
            fits["own_metric"].ShouldBeEmpty();
            (await db.MetricDefinitions.AllAsync(m => m.IsCount)).ShouldBeTrue();
        }

        SqliteConnection.ClearAllPools();
    }

    private static string Kind(AuditEntry entry) =>
        JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Kind").EnumerateObject()
            .Select(p => p.Value).First(v => v.ValueKind == JsonValueKind.String).GetString()!;
}
