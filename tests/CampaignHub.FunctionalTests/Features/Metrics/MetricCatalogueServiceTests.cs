using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Metrics;

/// <summary>
/// The metric catalogue through the service the admin page calls: a new metric's code is checked and never changes.
/// </summary>
public sealed class MetricCatalogueServiceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Fact]
    public async Task An_admin_adds_a_metric_whose_code_is_checked_and_never_changes()
    {
        var admin = await factory.NewActorAsync(Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<MetricDefinitionService>();
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

    /// <summary>A valid metric with the given code, for tests that need one to write.</summary>
    internal static MetricDefinitionInput MetricInput(string code, bool active = true) => new()
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
