using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Organisations;

/// <summary>
/// Organisations and their venues through the service the admin pages call: what an admin does takes effect, and every wrong field is named.
/// </summary>
public sealed class OrganisationServiceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Fact]
    public async Task An_admin_manages_an_organisation_with_its_venues()
    {
        var admin = await factory.NewActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var hospital = await service.CreateAsync(admin, new OrganisationInput
        {
            Name = TestData.UniqueName("山西省肿瘤医院"),
            NameEn = "Shanxi Cancer Hospital",
            Kind = "hospital",
            Address = "太原市",
            Venues = [new VenueInput { Name = "门诊大厅" }, new VenueInput { Name = "学术报告厅" }],
        });
        var campus = await service.CreateAsync(admin, new OrganisationInput { Name = TestData.UniqueName("东院区"), Kind = "campus", ParentId = hospital.Id });
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
        var admin = await factory.NewActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var hospital = await service.CreateAsync(admin, new OrganisationInput
        {
            Name = TestData.UniqueName("山西省肿瘤医院"),
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
        var admin = await factory.NewActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var parent = await service.CreateAsync(admin, new OrganisationInput { Name = TestData.UniqueName("妇联"), Kind = "womens_federation" });
        var child = await service.CreateAsync(admin, new OrganisationInput { Name = TestData.UniqueName("区妇联"), Kind = "womens_federation", ParentId = parent.Id });

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
}
