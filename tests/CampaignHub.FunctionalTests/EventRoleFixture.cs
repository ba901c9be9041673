using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests;

/// <summary>
/// A campaign with two units and one user per role that matters for writes: an admin, a coordinator of the
/// breast-cancer unit (whose events the tests write), a coordinator of the lung-cancer unit, and staff.
/// Each test class gets its own database.
/// </summary>
public sealed class EventRoleFixture : IAsyncLifetime
{
    public CampaignHubAppFactory App { get; } = new();

    public int Breast { get; private set; }

    public int Lung { get; private set; }

    public int Campaign { get; private set; }

    public Actor Admin { get; private set; } = null!;

    public Actor BreastCoordinator { get; private set; } = null!;

    public Actor LungCoordinator { get; private set; } = null!;

    public Actor Staff { get; private set; } = null!;

    public string BreastCoordinatorId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Breast = await App.AddUnitAsync("乳腺癌专委会");
        Lung = await App.AddUnitAsync("肺癌专委会");
        Campaign = await App.AddCampaignAsync("2021 全国肿瘤防治宣传周", new(2021, 4, 15), new(2021, 4, 21), Breast, Lung);
        Admin = await App.ActorAsync(await App.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.local", Roles.Admin));
        BreastCoordinatorId = await App.CreateUserAsync($"breast-{Guid.NewGuid():N}@test.local", Roles.Coordinator, Breast);
        BreastCoordinator = await App.ActorAsync(BreastCoordinatorId);
        LungCoordinator = await App.ActorAsync(await App.CreateUserAsync($"lung-{Guid.NewGuid():N}@test.local", Roles.Coordinator, Lung));
        Staff = await App.ActorAsync(await App.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.local", Roles.Staff));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<T> WithAsync<T>(Func<EventService, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    public async Task WithAsync(Func<EventService, Task> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    public async Task<T> FiguresAsync<T>(Func<CampaignFigureService, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<CampaignFigureService>());
    }

    public async Task FiguresAsync(Func<CampaignFigureService, Task> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<CampaignFigureService>());
    }

    /// <summary>A held free clinic of the given units on 16 April 2021, with two figures.</summary>
    public EventInput FreeClinic(params int[] units) => new()
    {
        CampaignId = Campaign,
        UnitIds = units.Length == 0 ? [Breast] : units.ToList(),
        Title = "乳腺癌义诊",
        Kind = "free_clinic",
        Channel = "offline",
        Start = new DateTime(2021, 4, 16, 9, 0, 0),
        End = new DateTime(2021, 4, 16, 11, 0, 0),
        Location = "山西省肿瘤医院门诊大厅",
        Status = "held",
        People = [new PersonInput { Name = "王医生", TalkTitle = "乳腺癌早筛" }],
        Figures = new Dictionary<string, decimal> { ["patients_benefited"] = 120, ["staff_medical"] = 8 },
    };

    public Task<EventDetails> CreateAsync(params int[] units) =>
        WithAsync(events => events.CreateAsync(Admin, FreeClinic(units)));

    /// <summary>The smallest valid PNG header followed by filler; enough for the magic-byte check.</summary>
    /// <summary>A real 2 × 2 PNG, padded after its end with zeros to <paramref name="length"/> bytes (readers ignore them).</summary>
    public static byte[] Png(int length = 128)
    {
        var image = TinyImages.Png;
        var bytes = new byte[Math.Max(length, image.Length)];
        image.CopyTo(bytes, 0);
        return bytes;
    }
}
