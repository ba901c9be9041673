using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.CalendarFeeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// One writer holding the database (a 10,000-row import, all or nothing) while 20 other users keep working against
/// the served app: token-authenticated reads (each stamps the token's last use), calendar feed reads, event saves and
/// sign-ins through the login form. Every one of them is answered, none with a 5xx, and the import lands whole.
/// </summary>
[Collection(ServedAppCollection.Name)]
public sealed class BusyDatabaseTests(ServedApp app, ITestOutputHelper output)
{
    private const int ImportRows = 10_000;

    private sealed record Answer(string User, string Kind, int Status, long Milliseconds);

    [Fact]
    public async Task While_a_10000_row_import_writes_twenty_other_users_read_and_write_and_every_request_is_answered()
    {
        var imported = await app.Setup.AddCampaignAsync("万行导入", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        var others = await app.Setup.AddCampaignAsync("同时工作", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        var readers = new List<HttpClient>();
        var writers = new List<HttpClient>();
        var feeds = new List<string>();
        var signIns = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var email = $"signin-{i}-{Guid.NewGuid():N}@test.local";
            await app.Setup.CreateUserAsync(email, Roles.Staff);
            signIns.Add(email);
        }

        for (var i = 0; i < 6; i++)
        {
            var reader = await app.Setup.CreateUserAsync($"reader-{i}-{Guid.NewGuid():N}@test.local", Roles.Staff);
            readers.Add(app.Client(await app.TokenAsync(reader)));
        }

        for (var i = 0; i < 8; i++)
        {
            var writer = await app.Setup.CreateUserAsync($"writer-{i}-{Guid.NewGuid():N}@test.local", Roles.Coordinator, app.UnitId);
            writers.Add(app.Client(await app.TokenAsync(writer)));
        }

        for (var i = 0; i < 4; i++)
        {
            var subscriber = await app.Setup.CreateUserAsync($"feed-{i}-{Guid.NewGuid():N}@test.local", Roles.Staff);
            await using var scope = app.Setup.Services.CreateAsyncScope();
            feeds.Add((await scope.ServiceProvider.GetRequiredService<CalendarFeedService>()
                .CreateAsync(subscriber, new CalendarFeedInput("unit", UnitId: app.UnitId))).Path);
        }

        var csv = ImportFiles.Events(ImportRows, app.UnitId, "万行导入");
        using var importer = app.Client(app.CoordinatorToken, TimeSpan.FromMinutes(5));
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var answers = new ConcurrentBag<Answer>();
        var clock = Stopwatch.StartNew();

        var import = Task.Run(async () =>
        {
            using var response = await importer.PostAsync($"/api/campaigns/{imported}/events/import", ImportFiles.Upload(csv));
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), clock.ElapsedMilliseconds);
        });

        // Each user works until the import has answered (and at least three times), one request after another.
        async Task WorkAsync(string user, string kind, Func<int, Task<HttpResponseMessage>> send, int? times = null)
        {
            for (var n = 0; times is { } fixedTimes ? n < fixedTimes : n < 3 || !import.IsCompleted; n++)
            {
                var started = clock.ElapsedMilliseconds;
                int status;
                try
                {
                    using var response = await send(n);
                    status = (int)response.StatusCode;
                }
                catch (TaskCanceledException)
                {
                    status = 0; // not answered within the client's time-out
                }

                answers.Add(new Answer(user, kind, status, clock.ElapsedMilliseconds - started));
                // A busy user, not a load generator: the point is being answered. Sign-ins are spread out, as a
                // sign-in rate limit must not be what this test meets.
                await Task.Delay(times is null ? 250 : 3000);
            }
        }

        await Task.Delay(200);
        var users = new List<Task>();
        users.AddRange(readers.Select((c, i) => WorkAsync($"reader {i}", "token read", _ => c.GetAsync($"/api/events?campaignId={others}"))));
        users.AddRange(feeds.Select((path, i) => WorkAsync($"feed {i}", "feed read", _ => anonymous.GetAsync(path))));
        users.AddRange(writers.Select((c, i) => WorkAsync($"writer {i}", "event save", n => c.PostAsJsonAsync("/api/events", new
        {
            campaignId = others, unitIds = new[] { app.UnitId }, title = $"同时保存 {i}-{n}", kind = "lecture", channel = "offline",
            start = "2021-04-17T09:00:00", end = "2021-04-17T10:00:00", venue = "科普讲堂",
        }))));
        users.AddRange(signIns.Select((email, i) => WorkAsync($"sign-in {i}", "sign-in", async _ =>
        {
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
            return await SignIn.PostLoginAsync(browser, email, TestData.Password);
        }, times: 3)));
        await Task.WhenAll(users);
        var (importStatus, importBody, importMs) = await import;

        foreach (var kind in answers.GroupBy(a => a.Kind))
        {
            var during = kind.Where(a => a.Milliseconds > 0).ToList();
            output.WriteLine($"FIGURE busy database, {kind.Key}: {kind.Count()} requests, "
                             + string.Join(", ", kind.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))
                             + $", slowest {kind.Max(a => a.Milliseconds)} ms, median {kind.Select(a => a.Milliseconds).Order().ElementAt(kind.Count() / 2)} ms");
        }

        output.WriteLine($"FIGURE busy database, the {ImportRows}-row import: HTTP {(int)importStatus} after {importMs} ms");
        foreach (var line in app.Output.Where(l => l.Contains("write lock")))
        {
            output.WriteLine(line);
        }

        importStatus.ShouldBe(HttpStatusCode.OK, importBody.Length > 2000 ? importBody[..2000] : importBody);
        answers.Where(a => a.Status is 0 or >= 500).ShouldBeEmpty();
        answers.Where(a => a.Kind == "event save").ShouldAllBe(a => a.Status == (int)HttpStatusCode.Created);
        answers.Where(a => a.Kind == "sign-in").ShouldAllBe(a => a.Status == (int)HttpStatusCode.Redirect);
        answers.Where(a => a.Kind is "token read" or "feed read").ShouldAllBe(a => a.Status == (int)HttpStatusCode.OK);
        answers.Select(a => a.User).Distinct().Count().ShouldBe(20); // 6 + 8 + 4 + 2
        await using var db = await app.Setup.DbAsync();
        (await db.Events.CountAsync(e => e.CampaignId == imported)).ShouldBe(ImportRows);
        (await db.Events.CountAsync(e => e.CampaignId == others)).ShouldBe(answers.Count(a => a.Kind == "event save"));
        foreach (var client in readers.Concat(writers))
        {
            client.Dispose();
        }
    }
}
