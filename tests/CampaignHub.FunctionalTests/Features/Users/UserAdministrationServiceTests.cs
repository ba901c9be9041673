using System.Globalization;
using System.Net;
using CampaignHub.FunctionalTests.Features.Metrics;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Audit;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Organisations;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Users;

/// <summary>
/// User accounts through the service the admin pages call, and every admin write (accounts, organisations, the metric catalogue) refused to coordinators and staff in the service itself.
/// </summary>
public sealed class UserAdministrationServiceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_get_a_ForbiddenException_on_every_admin_write(string role)
    {
        var admin = await factory.NewActorAsync(Roles.Admin);
        var actor = await factory.NewActorAsync(role);
        var unit = await factory.AddUnitAsync(TestData.UniqueName("专委会"));
        var victimId = await factory.CreateUserAsync(TestData.NewEmail(Roles.Coordinator), Roles.Coordinator);
        await using var scope = factory.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var metrics = scope.ServiceProvider.GetRequiredService<MetricDefinitionService>();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var organisation = await organisations.CreateAsync(admin, new OrganisationInput { Name = TestData.UniqueName("医院"), Kind = "hospital" });
        var metric = (await metrics.ListAsync()).First();

        await Should.ThrowAsync<ForbiddenException>(() => organisations.CreateAsync(actor, new OrganisationInput { Name = TestData.UniqueName("x"), Kind = "media" }));
        await Should.ThrowAsync<ForbiddenException>(() => organisations.UpdateAsync(actor, organisation.Id, new OrganisationInput { Name = "x", Kind = "media" }, organisation.Version));
        await Should.ThrowAsync<ForbiddenException>(() => organisations.DeleteAsync(actor, organisation.Id, null));
        await Should.ThrowAsync<ForbiddenException>(() => metrics.CreateAsync(actor, MetricCatalogueServiceTests.MetricInput(TestData.UniqueName("m").Replace('-', '_'))));
        await Should.ThrowAsync<ForbiddenException>(() => metrics.UpdateAsync(actor, metric.Id, MetricCatalogueServiceTests.MetricInput(metric.Code, active: false), metric.Version));
        await Should.ThrowAsync<ForbiddenException>(() => users.ListAsync(actor));
        await Should.ThrowAsync<ForbiddenException>(() => users.CreateAsync(actor, new NewUserInput { Email = TestData.NewEmail("new"), Role = Roles.Admin }));
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
    public async Task An_admin_creates_a_coordinator_whose_generated_password_signs_in()
    {
        var admin = await factory.NewActorAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync(TestData.UniqueName("淋巴瘤专委会"));
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var email = TestData.NewEmail("new");

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
        var admin = await factory.NewActorAsync(Roles.Admin);
        var first = await factory.AddUnitAsync(TestData.UniqueName("骨肿瘤专委会"));
        var second = await factory.AddUnitAsync(TestData.UniqueName("儿童肿瘤专委会"));
        var (userId, api) = await factory.ApiUserAsync(Roles.Staff);
        await using var scope = factory.ScopeFor(admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

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
        var audit = await scope.ServiceProvider.GetRequiredService<AuditService>().ListAsync(admin, new AuditQuery { EntityType = UserAdministrationService.AuditEntityType, User = admin.Email });
        audit.Items.Where(i => i.EntityId == userId).SelectMany(i => i.Changes).ShouldContain(new AuditChange("Role", "角色", "医院职工", "联络员"));
        audit.Items.Where(i => i.EntityId == userId).SelectMany(i => i.Changes).ShouldContain(new AuditChange("Locked", "已锁定", "否", "是"));
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_lock_their_own_account()
    {
        var admin = await factory.NewActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        (await Should.ThrowAsync<DomainValidationException>(() => service.SetRoleAsync(admin, admin.UserId, Roles.Staff))).Errors.ShouldContainKey("role");
        (await Should.ThrowAsync<DomainValidationException>(() => service.SetLockedAsync(admin, admin.UserId, true))).Errors.ShouldContainKey("locked");
        (await service.ListAsync(admin)).Single(u => u.Id == admin.UserId).Role.ShouldBe(Roles.Admin);
    }
}
