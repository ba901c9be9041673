using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// The app with its clock stopped at noon on 25 April 2021 in Shanghai (04:00 UTC), three units (two committees and a
/// department) and one user per role with an API client. Each test makes its own campaign of those units, from 10
/// April to 31 May 2021, so periods and statuses never meet across tests.
/// </summary>
public sealed class ReportingFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2021, 4, 25, 4, 0, 0, TimeSpan.Zero);

    public sealed class App : CampaignHubAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now)));
        }
    }

    public App Factory { get; } = new();

    public int Breast { get; private set; }

    public int Lung { get; private set; }

    public int Pathology { get; private set; }

    public Actor Admin { get; private set; } = null!;

    public Actor BreastCoordinator { get; private set; } = null!;

    public Actor LungCoordinator { get; private set; } = null!;

    public Actor Staff { get; private set; } = null!;

    public HttpClient AdminApi { get; private set; } = null!;

    public HttpClient BreastApi { get; private set; } = null!;

    public HttpClient LungApi { get; private set; } = null!;

    public HttpClient StaffApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Breast = await Factory.AddUnitAsync("乳腺癌专委会");
        Lung = await Factory.AddUnitAsync("肺癌专委会");
        Pathology = await Factory.AddUnitAsync("病理科", UnitKind.Department);
        var admin = await Factory.CreateUserAsync("admin-reporting@test.local", Roles.Admin);
        var breast = await Factory.CreateUserAsync("breast-reporting@test.local", Roles.Coordinator, Breast);
        var lung = await Factory.CreateUserAsync("lung-reporting@test.local", Roles.Coordinator, Lung);
        var staff = await Factory.CreateUserAsync("staff-reporting@test.local", Roles.Staff);
        (Admin, BreastCoordinator, LungCoordinator, Staff) =
            (await Factory.ActorAsync(admin), await Factory.ActorAsync(breast), await Factory.ActorAsync(lung), await Factory.ActorAsync(staff));
        (AdminApi, BreastApi, LungApi, StaffApi) =
            (await Factory.ApiClientAsync(admin), await Factory.ApiClientAsync(breast), await Factory.ApiClientAsync(lung), await Factory.ApiClientAsync(staff));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>
    /// A campaign of its own for one test: 10 April – 31 May 2021, by default of all three units (listed by name as the
    /// database sorts them: 病理科, 肺癌专委会, 乳腺癌专委会).
    /// </summary>
    public Task<int> CampaignAsync(params int[] units) =>
        Factory.AddCampaignAsync($"宣传周-{Guid.NewGuid():N}", new(2021, 4, 10), new(2021, 5, 31), units.Length == 0 ? [Breast, Lung, Pathology] : units);
}
