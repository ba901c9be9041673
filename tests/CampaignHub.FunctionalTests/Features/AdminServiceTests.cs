using System.Globalization;
using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Audit;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Organisations;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features;

/// <summary>
/// The admin side's other services: organisations and venues, the metric catalogue, and user accounts. Each write
/// is refused to coordinators and staff in the service itself, and does what it says for admins.
/// </summary>
public sealed class AdminServiceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string Email(string role) => $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local";

    private async Task<Actor> ActorAsync(string role) => await factory.ActorAsync(await factory.CreateUserAsync(Email(role), role));

    private T Service<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_get_a_ForbiddenException_on_every_admin_write(string role)
    {
        var admin = await ActorAsync(Roles.Admin);
        var actor = await ActorAsync(role);
        var unit = await factory.AddUnitAsync(Unique("专委会"));
        var victimId = await factory.CreateUserAsync(Email(Roles.Coordinator), Roles.Coordinator);
        await using var scope = factory.Services.CreateAsyncScope();
        var organisations = Service<OrganisationService>(scope);
        var metrics = Service<MetricDefinitionService>(scope);
        var users = Service<UserAdministrationService>(scope);
        var organisation = await organisations.CreateAsync(admin, new OrganisationInput { Name = Unique("医院"), Kind = "hospital" });
        var metric = (await metrics.ListAsync()).First();

        await Should.ThrowAsync<ForbiddenException>(() => organisations.CreateAsync(actor, new OrganisationInput { Name = Unique("x"), Kind = "media" }));
        await Should.ThrowAsync<ForbiddenException>(() => organisations.UpdateAsync(actor, organisation.Id, new OrganisationInput { Name = "x", Kind = "media" }, organisation.Version));
        await Should.ThrowAsync<ForbiddenException>(() => organisations.DeleteAsync(actor, organisation.Id, null));
        await Should.ThrowAsync<ForbiddenException>(() => metrics.CreateAsync(actor, MetricInput(Unique("m").Replace('-', '_'))));
        await Should.ThrowAsync<ForbiddenException>(() => metrics.UpdateAsync(actor, metric.Id, MetricInput(metric.Code, active: false), metric.Version));
        await Should.ThrowAsync<ForbiddenException>(() => users.ListAsync(actor));
        await Should.ThrowAsync<ForbiddenException>(() => users.CreateAsync(actor, new NewUserInput { Email = Email("new"), Role = Roles.Admin }));
        await Should.ThrowAsync<ForbiddenException>(() => users.SetRoleAsync(actor, victimId, Roles.Admin));
        await Should.ThrowAsync<ForbiddenException>(() => users.SetLockedAsync(actor, victimId, true));
        await Should.ThrowAsync<ForbiddenException>(() => users.SetUnitsAsync(actor, victimId, [unit]));

        (await organisations.GetAsync(organisation.Id))!.Version.ShouldBe(organisation.Version);
        (await metrics.GetAsync(metric.Id))!.IsActive.ShouldBeTrue();
        var victim = (await users.ListAsync(admin)).Single(u => u.Id == victimId);
        victim.Role.ShouldBe(Roles.Coordinator);
        victim.IsLockedOut.ShouldBeFalse();
        victim.UnitIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_manages_an_organisation_with_its_venues()
    {
        var admin = await ActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<OrganisationService>(scope);
        var hospital = await service.CreateAsync(admin, new OrganisationInput
        {
            Name = Unique("山西省肿瘤医院"),
            NameEn = "Shanxi Cancer Hospital",
            Kind = "hospital",
            Address = "太原市",
            Venues = [new VenueInput { Name = "门诊大厅" }, new VenueInput { Name = "学术报告厅" }],
        });
        var campus = await service.CreateAsync(admin, new OrganisationInput { Name = Unique("东院区"), Kind = "campus", ParentId = hospital.Id });
        campus.ParentName.ShouldBe(hospital.Name);
        hospital.Venues.Select(v => v.Name).ShouldBe(["学术报告厅", "门诊大厅"], ignoreOrder: true);

        // Keep one venue (renamed), drop the other, add a third: one save, one new version.
        var kept = hospital.Venues.Single(v => v.Name == "门诊大厅");
        var updated = await service.UpdateAsync(admin, hospital.Id, new OrganisationInput
        {
            Name = hospital.Name,
            Kind = "hospital",
            Venues = [new VenueInput { Id = kept.Id, Name = "门诊一楼大厅" }, new VenueInput { Name = "社区广场", Address = "迎泽区" }],
        }, hospital.Version);

        updated.Version.ShouldBe(hospital.Version + 1);
        updated.Venues.Select(v => (v.Id == kept.Id, v.Name)).ShouldBe([(true, "门诊一楼大厅"), (false, "社区广场")], ignoreOrder: true);

        // A hospital with a campus under it stays; the campus itself can go.
        (await Should.ThrowAsync<DomainValidationException>(() => service.DeleteAsync(admin, hospital.Id, null))).Errors.ShouldContainKey("id");
        await service.DeleteAsync(admin, campus.Id, campus.Version);
        (await service.GetAsync(campus.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_venue_keeps_its_english_name_for_english_reports_and_an_overlong_one_is_refused()
    {
        var admin = await ActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<OrganisationService>(scope);
        var hospital = await service.CreateAsync(admin, new OrganisationInput
        {
            Name = Unique("山西省肿瘤医院"),
            Kind = "hospital",
            Venues = [new VenueInput { Name = "门诊大厅", NameEn = " Outpatient hall " }],
        });
        hospital.Venues.Single().NameEn.ShouldBe("Outpatient hall");

        var venue = hospital.Venues.Single();
        var tooLong = await Should.ThrowAsync<DomainValidationException>(() => service.UpdateAsync(admin, hospital.Id, new OrganisationInput
        {
            Name = hospital.Name,
            Kind = "hospital",
            Venues = [new VenueInput { Id = venue.Id, Name = venue.Name, NameEn = new string('x', OrganisationService.NameMaxLength + 1) }],
        }, hospital.Version));
        tooLong.Errors.Keys.ShouldBe(["venues[0].nameEn"]);
        (await service.GetAsync(hospital.Id))!.Venues.Single().NameEn.ShouldBe("Outpatient hall");
    }

    [Fact]
    public async Task Bad_organisation_input_names_every_wrong_field()
    {
        var admin = await ActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<OrganisationService>(scope);
        var parent = await service.CreateAsync(admin, new OrganisationInput { Name = Unique("妇联"), Kind = "womens_federation" });
        var child = await service.CreateAsync(admin, new OrganisationInput { Name = Unique("区妇联"), Kind = "womens_federation", ParentId = parent.Id });

        var invalid = await Should.ThrowAsync<DomainValidationException>(() => service.CreateAsync(admin, new OrganisationInput
        {
            Name = "",
            Kind = "spaceship",
            ParentId = 987654,
            Venues = [new VenueInput { Name = " " }],
        }));
        invalid.Errors.Keys.ShouldBe(["name", "kind", "parentId", "venues[0].name"], ignoreOrder: true);

        // A parent under its own child would be a loop.
        var loop = await Should.ThrowAsync<DomainValidationException>(() => service.UpdateAsync(admin, parent.Id,
            new OrganisationInput { Name = parent.Name, Kind = "womens_federation", ParentId = child.Id }, parent.Version));
        loop.Errors.Keys.ShouldBe(["parentId"]);

        var duplicate = await Should.ThrowAsync<DomainValidationException>(() =>
            service.CreateAsync(admin, new OrganisationInput { Name = parent.Name, Kind = "foundation" }));
        duplicate.Errors.Keys.ShouldBe(["name"]);
    }

    [Fact]
    public async Task An_admin_adds_a_metric_whose_code_is_checked_and_never_changes()
    {
        var admin = await ActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<MetricDefinitionService>(scope);
        var code = "hotline_calls_" + Guid.NewGuid().ToString("N")[..6];

        var created = await service.CreateAsync(admin, MetricInput(code));
        created.Code.ShouldBe(code);
        created.Group.ShouldBe("media_reach");

        foreach (var bad in new[] { "Hotline", "hotline-calls", "_calls", "calls__x", "1calls", "" })
        {
            (await Should.ThrowAsync<DomainValidationException>(() => service.CreateAsync(admin, MetricInput(bad)))).Errors.ShouldContainKey("code");
        }

        (await Should.ThrowAsync<DomainValidationException>(() => service.CreateAsync(admin, MetricInput(code)))).Errors.ShouldContainKey("code");

        var renamed = MetricInput(code, active: false);
        renamed.NameEn = "Hotline calls answered";
        var updated = await service.UpdateAsync(admin, created.Id, renamed, created.Version);
        updated.NameEn.ShouldBe("Hotline calls answered");
        updated.IsActive.ShouldBeFalse();
        (await service.ListAsync(activeOnly: true)).ShouldNotContain(m => m.Id == created.Id);

        var recoded = MetricInput(code + "_v2");
        (await Should.ThrowAsync<DomainValidationException>(() => service.UpdateAsync(admin, created.Id, recoded, updated.Version))).Errors.ShouldContainKey("code");
        await Should.ThrowAsync<ConcurrencyConflictException>(() => service.UpdateAsync(admin, created.Id, MetricInput(code), created.Version));
        (await service.GetAsync(created.Id))!.Code.ShouldBe(code);
    }

    [Fact]
    public async Task An_admin_creates_a_coordinator_whose_generated_password_signs_in()
    {
        var admin = await ActorAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync(Unique("淋巴瘤专委会"));
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<UserAdministrationService>(scope);
        var email = Email("new");

        var created = await service.CreateAsync(admin, new NewUserInput { Email = email, DisplayName = "王医生", Role = "coordinator", UnitIds = [unit] });

        created.GeneratedPassword.Length.ShouldBeGreaterThanOrEqualTo(12);
        var listed = (await service.ListAsync(admin)).Single(u => u.Id == created.UserId);
        listed.Role.ShouldBe(Roles.Coordinator);
        listed.UnitIds.ShouldBe([unit]);
        (await factory.ActorAsync(created.UserId)).UnitIds.ShouldBe([unit]);

        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await SignIn.PostLoginAsync(browser, email, created.GeneratedPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldNotContain("Lockout");

        var invalid = await Should.ThrowAsync<DomainValidationException>(() =>
            service.CreateAsync(admin, new NewUserInput { Email = email, Role = "superuser", UnitIds = [unit] }));
        invalid.Errors.Keys.ShouldBe(["email", "role", "unitIds"], ignoreOrder: true);
    }

    [Fact]
    public async Task Changing_a_role_locking_and_assigning_units_take_effect_and_are_audited()
    {
        var admin = await ActorAsync(Roles.Admin);
        var first = await factory.AddUnitAsync(Unique("骨肿瘤专委会"));
        var second = await factory.AddUnitAsync(Unique("儿童肿瘤专委会"));
        var (userId, api) = await factory.ApiUserAsync(Roles.Staff);
        await using var scope = factory.ScopeFor(admin);
        var service = Service<UserAdministrationService>(scope);

        // Staff cannot be given units; as a coordinator they can.
        (await Should.ThrowAsync<DomainValidationException>(() => service.SetUnitsAsync(admin, userId, [first]))).Errors.ShouldContainKey("unitIds");
        await service.SetRoleAsync(admin, userId, Roles.Coordinator);
        await service.SetUnitsAsync(admin, userId, [first, second]);
        await service.SetUnitsAsync(admin, userId, [second]);
        (await factory.ActorAsync(userId)).UnitIds.ShouldBe([second]);
        (await factory.ActorAsync(userId)).IsCoordinator.ShouldBeTrue();

        // Back to staff: the units go with the role.
        await service.SetRoleAsync(admin, userId, Roles.Staff);
        var staff = await factory.ActorAsync(userId);
        staff.IsCoordinator.ShouldBeFalse();
        staff.UnitIds.ShouldBeEmpty();

        // A locked account's API token stops working; unlocked, it works again.
        (await api.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.SetLockedAsync(admin, userId, true);
        (await service.ListAsync(admin)).Single(u => u.Id == userId).IsLockedOut.ShouldBeTrue();
        (await api.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await service.SetLockedAsync(admin, userId, false);
        (await api.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The trail names the roles and the lock as the admin reads them.
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var audit = await Service<AuditService>(scope).ListAsync(admin, new AuditQuery { EntityType = UserAdministrationService.AuditEntityType, User = admin.Email });
        audit.Items.Where(i => i.EntityId == userId).SelectMany(i => i.Changes).ShouldContain(new AuditChange("Role", "角色", "医院职工", "联络员"));
        audit.Items.Where(i => i.EntityId == userId).SelectMany(i => i.Changes).ShouldContain(new AuditChange("Locked", "已锁定", "否", "是"));
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_lock_their_own_account()
    {
        var admin = await ActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = Service<UserAdministrationService>(scope);

        (await Should.ThrowAsync<DomainValidationException>(() => service.SetRoleAsync(admin, admin.UserId, Roles.Staff))).Errors.ShouldContainKey("role");
        (await Should.ThrowAsync<DomainValidationException>(() => service.SetLockedAsync(admin, admin.UserId, true))).Errors.ShouldContainKey("locked");
        (await service.ListAsync(admin)).Single(u => u.Id == admin.UserId).Role.ShouldBe(Roles.Admin);
    }

    private static MetricDefinitionInput MetricInput(string code, bool active = true) => new()
    {
        Code = code,
        Name = "热线电话咨询",
        NameEn = "Hotline calls",
        Unit = "人次",
        UnitEn = "calls",
        Group = "media_reach",
        SortOrder = 500,
        IsActive = active,
    };
}
