using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Duties;

/// <summary>The roster section of the event page over a real (in-memory SQLite) database, as a coordinator uses it.</summary>
public sealed class EventRosterTests : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly BunitContext context;
    private readonly InMemoryFactory dbFactory;
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly int clinicId;
    private readonly int lectureId;
    private readonly Actor coordinator;

    public EventRosterTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        connection.Open();
        dbFactory = new InMemoryFactory(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite(connection).Options);
        using (var db = dbFactory.CreateDbContext())
        {
            db.Database.EnsureCreated();
            var breast = new Unit { Name = "乳腺癌专委会" };
            var lung = new Unit { Name = "肺癌专委会" };
            var campaign = new Campaign { Name = "2021 全国肿瘤防治宣传周", StartDate = new(2021, 4, 15), EndDate = new(2021, 4, 21) };
            db.AddRange(breast, lung, campaign);
            db.Users.Add(new ApplicationUser
            {
                Id = "expert-id", UserName = "wang@example.org", NormalizedUserName = "WANG@EXAMPLE.ORG",
                Email = "wang@example.org", NormalizedEmail = "WANG@EXAMPLE.ORG", DisplayName = "王医生",
            });
            db.SaveChanges();

            var clinic = Event(campaign, breast, "乳腺癌义诊", 9, 11);
            var lecture = Event(campaign, lung, "肺癌科普讲座", 10, 12);
            db.Events.AddRange(clinic, lecture);
            db.SaveChanges();
            db.DutyAssignments.Add(new DutyAssignment
            {
                EventId = lecture.Id, UserId = "expert-id", Role = DutyRole.Expert,
                StartsAt = new DateTime(2021, 4, 16, 10, 0, 0), EndsAt = new DateTime(2021, 4, 16, 12, 0, 0),
            });
            db.SaveChanges();
            clinicId = clinic.Id;
            lectureId = lecture.Id;
            coordinator = new Actor("coordinator-id", "breast@example.org", IsAdmin: false, IsCoordinator: true, new HashSet<int> { breast.Id });
        }

        context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.Services.AddSingleton<IDbContextFactory<CampaignHubDbContext>>(dbFactory);
        context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<AssociationClock>();
        context.Services.AddScoped<DutyService>();
        // Roster changes notify the person on duty; no SMTP here, so in-app notifications only.
        context.Services.AddOptions<CampaignHub.Web.Features.Notifications.SmtpSettings>();
        context.Services.AddSingleton(CampaignHub.Web.Hosting.PublicAddress.FromConfiguration(new ConfigurationBuilder().Build()));
        context.Services.AddScoped<CampaignHub.Web.Features.Notifications.Notifier>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<ActorResolver>();
        context.Services.AddScoped<CampaignHub.Web.Features.Reports.Locks.ReportLockGuard>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        popovers = context.Render<MudPopoverProvider>();
    }

    private static CampaignEvent Event(Campaign campaign, Unit unit, string title, int from, int to)
    {
        var created = new CampaignEvent
        {
            CampaignId = campaign.Id, Title = title, Kind = EventKind.FreeClinic, Channel = EventChannel.Offline,
            StartsAt = new DateTime(2021, 4, 16, from, 0, 0), EndsAt = new DateTime(2021, 4, 16, to, 0, 0),
        };
        created.Units.Add(new EventUnit { UnitId = unit.Id });
        return created;
    }

    [Fact]
    public void Assigning_someone_on_duty_elsewhere_meanwhile_saves_and_shows_a_warning_naming_the_other_event()
    {
        var roster = context.Render<EventRoster>(p => p.Add(r => r.EventId, clinicId).Add(r => r.Actor, coordinator));
        roster.WaitForElement("[data-testid=roster-none]");

        // The person from the picker, a role; the shift defaults to the whole event (09:00–11:00).
        var person = roster.Find("[data-testid=roster-person] input, input[data-testid=roster-person]");
        person.Input("王");
        popovers.WaitForElement(".mud-popover-open .mud-list-item").TextContent.ShouldContain("王医生");
        popovers.Find(".mud-popover-open .mud-list-item").Click();
        roster.Find("[data-testid=roster-role]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForElement(".mud-popover-open .mud-list-item");
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("专家")).Click();
        roster.Find("[data-testid=roster-save]").Click();

        roster.WaitForAssertion(() => roster.Find("[data-testid=roster-warnings]").TextContent.ShouldContain("肺癌科普讲座"));
        var warning = roster.Find("[data-testid=roster-warning]");
        warning.TextContent.ShouldContain("王医生");
        warning.TextContent.ShouldContain("2021-04-16 10:00–12:00");
        warning.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/events/{lectureId}");
        roster.Find("[data-testid=roster-row-person]").TextContent.ShouldBe("王医生");
        roster.Find("[data-testid=roster-row-role]").TextContent.ShouldBe("专家");
        roster.Find("[data-testid=roster-row-shift]").TextContent.ShouldBe("2021-04-16 09:00–11:00");
        using var db = dbFactory.CreateDbContext();
        db.DutyAssignments.Count(d => d.EventId == clinicId).ShouldBe(1);
    }

    [Fact]
    public void Saving_without_a_person_or_role_shows_each_message_on_its_field_and_saves_nothing()
    {
        var roster = context.Render<EventRoster>(p => p.Add(r => r.EventId, clinicId).Add(r => r.Actor, coordinator));
        roster.WaitForElement("[data-testid=roster-save]");

        roster.Find("[data-testid=roster-save]").Click();

        roster.WaitForElement("[data-testid=roster-errors]");
        roster.Markup.ShouldContain("请选择人员。");
        roster.Markup.ShouldContain("请选择值班角色");
        using var db = dbFactory.CreateDbContext();
        db.DutyAssignments.Count(d => d.EventId == clinicId).ShouldBe(0);
    }

    [Fact]
    public void Staff_see_who_is_on_duty_but_no_form()
    {
        var staff = new Actor("staff-id", "staff@example.org", IsAdmin: false, IsCoordinator: false, new HashSet<int>());

        var roster = context.Render<EventRoster>(p => p.Add(r => r.EventId, lectureId).Add(r => r.Actor, staff));

        roster.WaitForAssertion(() => roster.Find("[data-testid=roster-row-person]").TextContent.ShouldBe("王医生"));
        roster.FindAll("[data-testid=roster-save]").ShouldBeEmpty();
        roster.FindAll("[data-testid=roster-edit]").ShouldBeEmpty();
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await connection.DisposeAsync();
    }

    private sealed class InMemoryFactory(DbContextOptions<SqliteCampaignHubDbContext> options) : IDbContextFactory<CampaignHubDbContext>
    {
        public CampaignHubDbContext CreateDbContext() => new SqliteCampaignHubDbContext(options, SaveRules.ForSystemWork());
    }
}
