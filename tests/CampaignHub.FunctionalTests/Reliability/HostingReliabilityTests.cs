using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reports;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// Issue 13, identity and hosting: what an anonymous client, an admin's change, parallel requests and a dying
/// browser do to the app, with the app's real rate limits (not the suites' generous ones). Each test also asserts
/// that nothing answered a 5xx except the deliberate 503, and that nothing was written half.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class HostingReliabilityTests : IDisposable
{
    private const string ClientHeader = "X-Test-Client-Address";

    private readonly CampaignHubAppFactory app = new CampaignHubAppFactory().UseDefaultRateLimits();
    private readonly WebApplicationFactory<Program> web;

    public HostingReliabilityTests()
    {
        // The test server has no client address; this gives each test client its own, as the network would.
        web = app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ClientAddresses())));
    }

    public void Dispose()
    {
        web.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Wrong_passwords_from_another_client_get_429s_and_leave_the_victims_token_and_feed_working()
    {
        var email = $"victim-{Guid.NewGuid():N}@test.campaignhub.local";
        var victim = await app.CreateUserAsync(email, Roles.Staff);
        string token, feed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(victim, "phone")).Token;
            feed = (await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(victim, new CalendarFeedInput("my_duties"))).Path;
        }

        var attacker = Client("203.0.113.7", cookies: true);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var response = await SignIn.PostLoginAsync(attacker, email, "wrong-password-" + attempt);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        statuses.ShouldAllBe(s => (int)s < 500, string.Join(",", statuses.Select(s => (int)s)));
        // The account's failures are limited before any address's: ten, then a 429 with when to come back.
        statuses.IndexOf(HttpStatusCode.TooManyRequests).ShouldBeInRange(5, 10, string.Join(",", statuses.Select(s => (int)s)));
        refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("尝试次数过多");

        // Five wrong passwords paused password sign-in, and nothing else: the victim's phone and calendar still work.
        await using (var db = await app.DbAsync())
        {
            (await db.Users.SingleAsync(u => u.Id == victim)).LockoutEnd.ShouldNotBeNull();
        }

        var phone = Client("198.51.100.20");
        phone.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await phone.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client("198.51.100.21").GetAsync(feed)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Guessing tokens fast is refused as problem details, without a database lookup each.
        var guesser = Client("203.0.113.8");
        guesser.DefaultRequestHeaders.Authorization = new("Bearer", "chub_" + new string('x', 43));
        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 150; i++)
        {
            guesses.Add(await guesser.GetAsync("/api/events"));
        }

        guesses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized || r.StatusCode == HttpStatusCode.TooManyRequests);
        var limited = guesses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await phone.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Guessing feed tokens fast: empty 404s, then empty 429s (never the sign-in page), and the victim's feed still works.
        var feedGuesser = Client("203.0.113.9");
        var feedGuesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 40; i++)
        {
            feedGuesses.Add(await feedGuesser.GetAsync($"/calendar/cal_{i:D6}{new string('y', 37)}.ics"));
        }

        feedGuesses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.NotFound || r.StatusCode == HttpStatusCode.TooManyRequests);
        feedGuesses.Last().StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        feedGuesses.Last().Headers.RetryAfter.ShouldNotBeNull();
        (await Client("198.51.100.21").GetAsync(feed)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_demoted_or_locked_admins_old_cookie_loses_the_admin_pages_at_once()
    {
        var email = $"admin-{Guid.NewGuid():N}@test.campaignhub.local";
        var demoted = await app.CreateUserAsync(email, Roles.Admin);
        var browser = Client("198.51.100.30", cookies: true);
        await SignIn.AsAsync(browser, email, TestData.Password);
        (await browser.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var watch = Stopwatch.StartNew();
        // Through the host the browser talks to: its circuits and cookies hear the admin's change at once.
        await using (var scope = web.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .SetRoleAsync(await app.AdminActorAsync(), demoted, Roles.Staff);
        }

        foreach (var page in new[] { "/admin/users", "/admin/audit" })
        {
            var response = await browser.GetAsync(page);
            ((int)response.StatusCode).ShouldBeLessThan(500);
            response.StatusCode.ShouldNotBe(HttpStatusCode.OK, page);
        }

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1));

        // Signed in again as Staff, then locked: the cookie stops opening anything.
        await SignIn.AsAsync(browser, email, TestData.Password);
        (await browser.GetAsync("/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = web.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .SetLockedAsync(await app.AdminActorAsync(), demoted, locked: true);
        }

        var locked = await browser.GetAsync("/events");
        locked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        locked.Headers.Location!.OriginalString.ShouldContain("Account/Login");
    }

    [Fact]
    public async Task Parallel_finalise_requests_store_exactly_one_locked_report()
    {
        var campaign = await CampaignWithAnEventAsync();
        var (_, admin) = await app.ApiUserAsync(Roles.Admin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            admin.PostAsJsonAsync($"/api/campaigns/{campaign.Campaign}/reports", new { from = "2021-04-15", to = "2021-04-21", lang = "zh-CN" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(2);
        await using var db = await app.DbAsync();
        (await db.FinalisedReports.CountAsync(r => r.CampaignId == campaign.Campaign && r.UnlockedAt == null)).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_racing_a_finalise_is_either_in_the_snapshot_or_refused()
    {
        var campaign = await CampaignWithAnEventAsync();
        var adminId = await app.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin);
        var actor = await app.ActorAsync(adminId);
        var admin = await app.ApiClientAsync(adminId);

        var finalise = admin.PostAsJsonAsync($"/api/campaigns/{campaign.Campaign}/reports", new { from = "2021-04-15", to = "2021-04-21", lang = "zh-CN" });
        var edits = 0;
        var refused = 0;
        var current = campaign.Event;
        while (!finalise.IsCompleted || edits + refused == 0)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                current = await scope.ServiceProvider.GetRequiredService<EventService>()
                    .UpdateAsync(actor, current.Id, EventInput(campaign, 200 + edits), current.Version);
                edits++;
            }
            catch (DomainValidationException)
            {
                refused++;
                if (finalise.IsCompleted)
                {
                    break;
                }
            }
        }

        var response = await finalise;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        refused.ShouldBeGreaterThan(0);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The figures as stored now are the figures the locked report holds: no edit landed after its snapshot.
        string snapshot;
        await using (var db = await app.DbAsync())
        {
            snapshot = (await db.FinalisedReports.AsNoTracking().SingleAsync(r => r.Id == id)).Snapshot;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var now = await scope.ServiceProvider.GetRequiredService<SummaryReportService>().BuildAsync(actor,
                new SummaryReportQuery(campaign.Campaign, new(2021, 4, 15), new(2021, 4, 21), Language: "zh-CN"));
            JsonSerializer.Serialize(now.Statistics, new JsonSerializerOptions(JsonSerializerDefaults.Web)).ShouldBe(snapshot);
        }
    }

    [Fact]
    public async Task A_browser_killed_twice_during_one_render_is_a_503_and_the_next_render_works()
    {
        var campaign = await CampaignWithAnEventAsync();
        var (_, admin) = await app.ApiUserAsync(Roles.Admin);
        var url = $"/api/campaigns/{campaign.Campaign}/report.pdf?from=2021-04-15&to=2021-04-21&lang=zh-CN";
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every browser this test process starts dies while the request runs, as under an OOM killer.
        using var stop = new CancellationTokenSource();
        var killer = Task.Run(() => KillOwnBrowsersAsync(stop.Token));
        HttpResponseMessage failed;
        try
        {
            failed = await admin.GetAsync(url);
        }
        finally
        {
            await stop.CancelAsync();
            await killer;
        }

        failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await failed.Content.ReadAsStringAsync());
        failed.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        failed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var again = await admin.GetAsync(url);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());
    }

    private HttpClient Client(string address, bool cookies = false)
    {
        var client = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private sealed record RaceCampaign(int Campaign, int Unit, EventDetails Event);

    private async Task<RaceCampaign> CampaignWithAnEventAsync()
    {
        var unit = await app.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var campaign = await app.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var admin = await app.ActorAsync(await app.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, EventInput(new(campaign, unit, null!), 120));
        return new RaceCampaign(campaign, unit, created);
    }

    private static EventInput EventInput(RaceCampaign campaign, decimal patients) => new()
    {
        CampaignId = campaign.Campaign,
        UnitIds = [campaign.Unit],
        Title = "乳腺癌义诊",
        Kind = "free_clinic",
        Channel = "offline",
        Status = "held",
        Start = new DateTime(2021, 4, 16, 9, 0, 0),
        End = new DateTime(2021, 4, 16, 11, 0, 0),
        Narrative = "义诊。",
        Figures = new() { ["patients_benefited"] = patients },
    };

    /// <summary>Kills the Chromium browsers started under this test process (never anyone else's) until stopped.</summary>
    private static async Task KillOwnBrowsersAsync(CancellationToken stop)
    {
        var self = Environment.ProcessId;
        while (!stop.IsCancellationRequested)
        {
            foreach (var process in Process.GetProcesses())
            {
                using (process)
                {
                    try
                    {
                        if (process.Id != self && IsOwnBrowser(process.Id, self))
                        {
                            process.Kill(entireProcessTree: true);
                        }
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                    {
                        // Gone already.
                    }
                }
            }

            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A browser process (not a renderer or helper) descending from <paramref name="ancestor"/>.</summary>
    private static bool IsOwnBrowser(int pid, int ancestor)
    {
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        if (!commandLine.Contains("--remote-debugging-pipe", StringComparison.Ordinal) || commandLine.Contains("--type=", StringComparison.Ordinal))
        {
            return false;
        }

        for (var current = pid; current > 1;)
        {
            var stat = File.ReadAllText($"/proc/{current}/stat");
            current = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets the connection's client address from a test header, before anything reads it.</summary>
    private sealed class ClientAddresses : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, inner) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return inner(context);
            });
            next(builder);
        };
    }
}

/// <summary>
/// Runs alone, after the parallel tests: the Chromium test kills every browser this test process started, which would
/// break other classes' renders running at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Hosting reliability (kills browsers)";
}
