using System.Globalization;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Audit;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Audit;

/// <summary>
/// The audit trail as an admin reads it: kinds of record and fields by their names, people by their names, the
/// event and campaign a change belongs to by name, codes and times as people write them, in the association's time.
/// </summary>
public sealed class AuditTrailTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task An_admin_reads_who_changed_what_by_name_in_the_association_time_and_in_chinese()
    {
        var (admin, suffix, eventId) = await LogAFreeClinicWithANurseAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

        var trail = await ListAsync(admin, new AuditQuery { User = $"李主任{suffix}" });

        var duty = trail.Single(i => i.EntityType == nameof(DutyAssignment));
        duty.EntityName.ShouldBe("值班安排");
        duty.Action.ShouldBe(AuditAction.Create);
        duty.UserName.ShouldBe($"李主任{suffix}");
        duty.UserEmail.ShouldBe(admin.Email);
        duty.RecordName.ShouldBe($"王护士{suffix} · 义诊{suffix}");
        duty.CampaignName.ShouldBe($"宣传周{suffix}");
        duty.Changes.ShouldContain(new AuditChange("UserId", "人员", null, $"王护士{suffix}"));
        duty.Changes.ShouldContain(new AuditChange("Role", "角色", null, "护士"));
        duty.Changes.ShouldContain(new AuditChange("StartsAt", "开始时间", null, "2021-04-16 09:00"));
        duty.Changes.ShouldContain(new AuditChange("EventId", "活动", null, $"义诊{suffix}"));

        var created = trail.Single(i => i.EntityType == nameof(CampaignEvent) && i.Action == AuditAction.Create);
        created.EntityName.ShouldBe("活动");
        created.RecordName.ShouldBe($"义诊{suffix}");
        created.EntityId.ShouldBe(eventId.ToString(CultureInfo.InvariantCulture));
        created.Changes.ShouldContain(new AuditChange("Kind", "类型", null, "义诊/咨询"));
        created.Changes.ShouldContain(new AuditChange("Status", "状态", null, "计划中"));
        created.Changes.ShouldContain(new AuditChange("Highlight", "总结重点", null, "否"));
        created.Changes.ShouldContain(new AuditChange("CampaignId", "活动项目", null, $"宣传周{suffix}"));
        created.Changes.ShouldContain(new AuditChange("CreatedById", "创建人", null, $"李主任{suffix}"));
        created.Changes.ShouldNotContain(c => c.New != null && c.New.Contains(admin.UserId, StringComparison.Ordinal));

        // Stamped in UTC, shown in Beijing time (UTC+8), the creation stamp among the changes too.
        var beijingNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai);
        (beijingNow - created.At).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(5));
        var stamp = DateTime.ParseExact(created.Changes.Single(c => c.Property == "CreatedAt").New!, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        (beijingNow - stamp).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(5));

        var unit = trail.Single(i => i.EntityType == nameof(EventUnit));
        unit.EntityName.ShouldBe("活动承办单位");
        unit.RecordName.ShouldBe($"乳腺癌专委会{suffix} · 义诊{suffix}");
        unit.CampaignName.ShouldBe($"宣传周{suffix}");
    }

    [Fact]
    public async Task In_english_the_trail_uses_english_names_and_texts()
    {
        var (admin, suffix, _) = await LogAFreeClinicWithANurseAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var trail = await ListAsync(admin, new AuditQuery { User = admin.Email, EntityType = nameof(EventUnit) });

        var unit = trail.Single();
        unit.EntityName.ShouldBe("Event unit");
        unit.RecordName.ShouldBe($"Breast cancer committee {suffix} · 义诊{suffix}");
        unit.CampaignName.ShouldBe($"Prevention week {suffix}");
        unit.Changes.ShouldContain(new AuditChange("UnitId", "Unit", null, $"Breast cancer committee {suffix}"));
        (await EntityTypesAsync(admin)).ShouldContain(new AuditEntityType(nameof(DutyAssignment), "Duty assignment"));
    }

    [Fact]
    public async Task A_figure_changed_on_its_own_still_names_its_event_and_metric()
    {
        var (admin, suffix, eventId) = await LogAFreeClinicWithANurseAsync();
        await using (var db = await factory.DbAsync())
        {
            var metric = await db.MetricDefinitions.SingleAsync(m => m.Code == "patients_benefited");
            var campaignId = await db.Events.Where(e => e.Id == eventId).Select(e => e.CampaignId).SingleAsync();
            var figure = new MetricValue { CampaignId = campaignId, MetricDefinitionId = metric.Id, EventId = eventId, Date = new(2021, 4, 16), Value = 120 };
            db.MetricValues.Add(figure);
            await db.SaveChangesAsync();
            figure.Value = 1234.5m;
            await db.SaveChangesAsync();
        }

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var trail = await ListAsync(admin, new AuditQuery { EntityType = nameof(MetricValue), Action = AuditAction.Update, PageSize = 200 });

        var update = trail.First(i => i.RecordName?.Contains($"义诊{suffix}", StringComparison.Ordinal) == true);
        update.RecordName.ShouldBe($"患者受益人数 · 义诊{suffix}");
        update.UserName.ShouldBeNull();
        update.Changes.ShouldContain(new AuditChange("Value", "数值", "120", "1234.5"));
    }

    private async Task<(Actor Admin, string Suffix, int EventId)> LogAFreeClinicWithANurseAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var adminId = await factory.CreateUserAsync($"admin-{suffix}@test.campaignhub.local", Roles.Admin);
        var nurseId = await factory.CreateUserAsync($"nurse-{suffix}@test.campaignhub.local", Roles.Staff);
        int unit;
        int campaign;
        await using (var db = await factory.DbAsync())
        {
            (await db.Users.SingleAsync(u => u.Id == adminId)).DisplayName = $"李主任{suffix}";
            (await db.Users.SingleAsync(u => u.Id == nurseId)).DisplayName = $"王护士{suffix}";
            var breast = new Unit { Name = $"乳腺癌专委会{suffix}", NameEn = $"Breast cancer committee {suffix}" };
            db.Units.Add(breast);
            await db.SaveChangesAsync();
            var week = new Campaign
            {
                Name = $"宣传周{suffix}", NameEn = $"Prevention week {suffix}", StartDate = new(2021, 4, 15), EndDate = new(2021, 4, 21),
                Units = [new CampaignUnit { UnitId = breast.Id }],
            };
            db.Campaigns.Add(week);
            await db.SaveChangesAsync();
            (unit, campaign) = (breast.Id, week.Id);
        }

        var admin = await factory.ActorAsync(adminId);
        await using var scope = factory.ScopeFor(admin);
        var created = await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
        {
            CampaignId = campaign,
            UnitIds = [unit],
            Title = $"义诊{suffix}",
            Kind = "free_clinic",
            Channel = "offline",
            Status = "planned",
            Start = new DateTime(2021, 4, 16, 9, 0, 0),
            End = new DateTime(2021, 4, 16, 11, 0, 0),
            Location = "社区广场",
        });
        await scope.ServiceProvider.GetRequiredService<DutyService>().AssignAsync(admin, created.Id, new DutyInput
        {
            UserId = nurseId,
            Role = "nurse",
            Start = new DateTime(2021, 4, 16, 9, 0, 0),
            End = new DateTime(2021, 4, 16, 11, 0, 0),
        });
        return (admin, suffix, created.Id);
    }

    private async Task<IReadOnlyList<AuditItem>> ListAsync(Actor admin, AuditQuery query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditService>().ListAsync(admin, query)).Items;
    }

    private async Task<IReadOnlyList<AuditEntityType>> EntityTypesAsync(Actor admin)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditService>().EntityTypesAsync(admin);
    }
}
