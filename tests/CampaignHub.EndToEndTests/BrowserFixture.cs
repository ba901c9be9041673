using CampaignHub.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampaignHub.EndToEndTests;

/// <summary>
/// The real app on Kestrel at a random loopback port, over its own SQLite file, and the system Chromium driven by
/// Playwright (its own browser download cannot run here; BUILD-NOTES).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>What Chromium needs to run headless here (as root, in a container, without a GPU).</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;

    public BrowserFixture()
        : this(_ => { })
    {
    }

    /// <summary>For a fixture whose app runs with settings of its own (demo data, say).</summary>
    protected BrowserFixture(Action<Dictionary<string, string?>> settings) => settings(App.Settings);

    public CampaignHubAppFactory App { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumExecutable(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The system Chromium (CHROMIUM_PATH, else the usual Debian paths).</summary>
    public static string ChromiumExecutable() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("Chromium is not installed: sudo apt-get install -y chromium fonts-noto-cjk");

    /// <summary>A fresh browser context (no cookies) with the given viewport width; a desktop by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);

        // A save that writes audit rows and notifications can take longer than Playwright's 5 s on a busy 2-core CI
        // machine; an assertion still fails, just later, when the page never gets there.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
