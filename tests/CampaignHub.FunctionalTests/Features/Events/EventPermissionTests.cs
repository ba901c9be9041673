using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>
/// Every write path of events, tried by each role through the service (the UI and the API both call it): admins
/// write everything, a coordinator their own units' events (a joint event: any of its units), staff nothing.
/// </summary>
public sealed class EventPermissionTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private async Task<int> EventCountAsync()
    {
        await using var db = await data.App.DbAsync();
        return await db.Events.CountAsync(e => e.CampaignId == data.Campaign);
    }

    [Fact]
    public async Task Create_admins_and_the_units_coordinator_may_others_may_not()
    {
        (await data.WithAsync(s => s.CreateAsync(data.Admin, data.FreeClinic()))).Id.ShouldBePositive();
        var own = await data.WithAsync(s => s.CreateAsync(data.BreastCoordinator, data.FreeClinic()));
        own.UnitIds.ShouldBe([data.Breast]);
        var before = await EventCountAsync();

        // A coordinator naming only someone else's unit is told so on the field; staff may not log at all.
        var foreign = await Should.ThrowAsync<DomainValidationException>(() => data.WithAsync(s => s.CreateAsync(data.LungCoordinator, data.FreeClinic())));
        foreign.Errors.ShouldContainKey("unitIds");
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.CreateAsync(data.Staff, data.FreeClinic())));

        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Update_admins_and_the_units_coordinator_may_others_may_not()
    {
        var created = await data.CreateAsync();
        var input = data.FreeClinic();

        input.Title = "Admin's title";
        var byAdmin = await data.WithAsync(s => s.UpdateAsync(data.Admin, created.Id, input, created.Version));
        input.Title = "Coordinator's title";
        var byOwner = await data.WithAsync(s => s.UpdateAsync(data.BreastCoordinator, created.Id, input, byAdmin.Version));
        byOwner.Title.ShouldBe("Coordinator's title");

        input.Title = "Lung coordinator's title";
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.UpdateAsync(data.LungCoordinator, created.Id, input, byOwner.Version)));
        input.Title = "Staff's title";
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.UpdateAsync(data.Staff, created.Id, input, byOwner.Version)));

        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Title.ShouldBe("Coordinator's title");
    }

    [Fact]
    public async Task A_coordinator_cannot_hand_their_event_over_to_a_unit_that_is_not_theirs()
    {
        var created = await data.CreateAsync();
        var input = data.FreeClinic(data.Lung);

        var refused = await Should.ThrowAsync<DomainValidationException>(() =>
            data.WithAsync(s => s.UpdateAsync(data.BreastCoordinator, created.Id, input, created.Version)));

        refused.Errors.ShouldContainKey("unitIds");
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.UnitIds.ShouldBe([data.Breast]);
    }

    [Fact]
    public async Task Delete_admins_and_the_units_coordinator_may_others_may_not()
    {
        var first = await data.CreateAsync();
        var second = await data.CreateAsync();

        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.DeleteAsync(data.LungCoordinator, first.Id, first.Version)));
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.DeleteAsync(data.Staff, first.Id, first.Version)));
        (await data.WithAsync(s => s.GetAsync(first.Id))).ShouldNotBeNull();

        await data.WithAsync(s => s.DeleteAsync(data.BreastCoordinator, first.Id, first.Version));
        await data.WithAsync(s => s.DeleteAsync(data.Admin, second.Id, null));
        (await data.WithAsync(s => s.GetAsync(first.Id))).ShouldBeNull();
        (await data.WithAsync(s => s.GetAsync(second.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task Figures_admins_and_the_units_coordinator_may_others_may_not()
    {
        var created = await data.CreateAsync();

        var byOwner = await data.WithAsync(s => s.SaveFiguresAsync(data.BreastCoordinator, created.Id,
            new Dictionary<string, decimal> { ["patients_benefited"] = 130 }, created.Version));
        var byAdmin = await data.WithAsync(s => s.SaveFiguresAsync(data.Admin, created.Id,
            new Dictionary<string, decimal> { ["patients_benefited"] = 140, ["brochures"] = 300 }, byOwner.Version));
        byAdmin.Figures.ShouldBe(new Dictionary<string, decimal> { ["brochures"] = 300, ["patients_benefited"] = 140 }, ignoreOrder: true);

        var tampered = new Dictionary<string, decimal> { ["patients_benefited"] = 1 };
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.SaveFiguresAsync(data.LungCoordinator, created.Id, tampered, byAdmin.Version)));
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.SaveFiguresAsync(data.Staff, created.Id, tampered, byAdmin.Version)));

        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Figures["patients_benefited"].ShouldBe(140);
    }

    [Fact]
    public async Task Photos_admins_and_the_units_coordinator_may_add_and_delete_others_may_not()
    {
        var created = await data.CreateAsync();
        Task<PhotoDetails> Add(Actor actor) =>
            data.WithAsync(s => s.AddPhotoAsync(actor, created.Id, "clinic.png", new MemoryStream(EventRoleFixture.Png())));

        var byOwner = await Add(data.BreastCoordinator);
        var byAdmin = await Add(data.Admin);
        await Should.ThrowAsync<ForbiddenException>(() => Add(data.LungCoordinator));
        await Should.ThrowAsync<ForbiddenException>(() => Add(data.Staff));

        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.DeletePhotoAsync(data.LungCoordinator, created.Id, byOwner.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.DeletePhotoAsync(data.Staff, created.Id, byOwner.Id)));
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Photos.Count.ShouldBe(2);

        await data.WithAsync(s => s.DeletePhotoAsync(data.BreastCoordinator, created.Id, byAdmin.Id));
        await data.WithAsync(s => s.DeletePhotoAsync(data.Admin, created.Id, byOwner.Id));
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Photos.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_joint_event_is_editable_by_a_coordinator_of_any_of_its_units()
    {
        var joint = await data.CreateAsync(data.Breast, data.Lung);
        var input = data.FreeClinic(data.Breast, data.Lung);
        input.Title = "肺癌与乳腺癌联合义诊";

        var byLung = await data.WithAsync(s => s.UpdateAsync(data.LungCoordinator, joint.Id, input, joint.Version));
        var figures = await data.WithAsync(s => s.SaveFiguresAsync(data.BreastCoordinator, joint.Id,
            new Dictionary<string, decimal> { ["screened"] = 45 }, byLung.Version));
        var photo = await data.WithAsync(s => s.AddPhotoAsync(data.LungCoordinator, joint.Id, "joint.png", new MemoryStream(EventRoleFixture.Png())));

        byLung.Title.ShouldBe("肺癌与乳腺癌联合义诊");
        figures.Figures["screened"].ShouldBe(45);
        (await data.WithAsync(s => s.GetAsync(joint.Id)))!.Photos.Select(p => p.Id).ShouldBe([photo.Id]);

        // Staff still may not, joint or not.
        await Should.ThrowAsync<ForbiddenException>(() => data.WithAsync(s => s.UpdateAsync(data.Staff, joint.Id, input, figures.Version)));
    }
}
