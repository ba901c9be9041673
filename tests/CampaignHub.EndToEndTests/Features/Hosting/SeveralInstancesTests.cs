using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Hosting;

/// <summary>
/// Two instances of the app on one PostgreSQL database behind nginx (README, "Several instances"): a server that dies
/// costs its users nothing they had saved nor their sign-in, and two instances never both accept a save of the same
/// version of an event.
/// </summary>
public sealed class SeveralInstancesTests(TwoInstancesBehindNginx cluster, ITestOutputHelper output) : IClassFixture<TwoInstancesBehindNginx>
{
    private const string Title = "社区乳腺癌义诊";

    [Fact]
    public Task When_the_instance_holding_the_page_dies_the_user_carries_on_signed_in_on_the_other_with_what_they_saved() =>
        RunAsync(async () =>
        {
            var created = await cluster.CreateEventAsync(Title);
            var id = created.GetProperty("id").GetInt32();
            var page = await cluster.NewPhonePageAsync();
            await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
            await Pages.WaitForInteractiveAsync(page);
            await page.GotoAsync($"/events/{id}");
            await Pages.WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("event-save")).ToBeEnabledAsync();

            await Input(page, "event-title").FillAsync(Title + "（第二场）");
            await Input(page, "figure-patients_benefited").FillAsync("86");
            await Input(page, "figure-patients_benefited").PressAsync("Tab");
            await page.GetByTestId("event-save").ClickAsync();
            await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync(Title + "（第二场）");
            cluster.Step("the event saved through the page");

            var serving = cluster.InstanceServingTheCircuit();
            var survivor = cluster.Instances.Single(i => i != serving);
            // Gone after a reload: tells the page that reloaded from the one that is still waiting.
            await page.EvaluateAsync("() => window.beforeTheCrash = true");
            serving.Kill();
            cluster.Step($"instance {serving.Name} (holding the page's circuit) killed");

            // The reconnection reaches the survivor, which knows nothing of the circuit and refuses it; the page reloads.
            await page.WaitForFunctionAsync("() => window.beforeTheCrash === undefined", null, new() { Timeout = 45_000, PollingInterval = 200 });
            await Pages.WaitForInteractiveAsync(page);
            cluster.Step($"the page reloaded and is live again on instance {cluster.InstanceServingTheCircuit().Name}");
            cluster.InstanceServingTheCircuit().ShouldBe(survivor);

            // Still signed in (the survivor reads the sign-in cookie with the keys in the database), on the same event,
            // with what was saved.
            await Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));
            await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync(Title + "（第二场）");
            await Expect(Input(page, "event-title")).ToHaveValueAsync(Title + "（第二场）");
            await Expect(Input(page, "figure-patients_benefited")).ToHaveValueAsync("86");

            // And goes on working there.
            await Input(page, "event-title").FillAsync(Title + "（第三场）");
            await page.GetByTestId("event-save").ClickAsync();
            await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync(Title + "（第三场）");
            using var api = cluster.ApiClient(survivor.BaseUrl);
            var stored = await api.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
            stored.GetProperty("title").GetString().ShouldBe(Title + "（第三场）");
            stored.GetProperty("figures").GetProperty("patients_benefited").GetDecimal().ShouldBe(86);
            stored.GetProperty("version").GetInt64().ShouldBe(created.GetProperty("version").GetInt64() + 2, "saved before the crash and after it");
        });

    [Fact]
    public Task The_same_version_of_an_event_saved_through_each_instance_at_once_is_one_success_and_one_conflict() =>
        RunAsync(async () =>
        {
            var created = await cluster.CreateEventAsync(Title);
            var id = created.GetProperty("id").GetInt32();
            var version = created.GetProperty("version").GetInt64();
            var campaign = created.GetProperty("campaignId").GetInt32();
            var unit = created.GetProperty("unitIds")[0].GetInt32();

            using var throughA = cluster.ApiClient(cluster.A.BaseUrl);
            using var throughB = cluster.ApiClient(cluster.B.BaseUrl);
            var answers = await Task.WhenAll(
                throughA.PutAsJsonAsync($"/api/events/{id}", TwoInstancesBehindNginx.EventBody(campaign, unit, Title + "（A）", DateTime.Today, 50, version)),
                throughB.PutAsJsonAsync($"/api/events/{id}", TwoInstancesBehindNginx.EventBody(campaign, unit, Title + "（B）", DateTime.Today, 60, version)));
            var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
            cluster.Step($"PUT through A: {(int)answers[0].StatusCode}, through B: {(int)answers[1].StatusCode}");

            answers.Select(a => (int)a.StatusCode).Order().ToArray().ShouldBe([200, 409], string.Join("\n", bodies));
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? "A" : "B";
            var loser = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            // The conflict says what the event is now: the other instance's save.
            answers[loser].Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            bodies[loser].ShouldContain(Title + $"（{winner}）");

            foreach (var client in new[] { throughA, throughB })
            {
                var stored = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
                stored.GetProperty("title").GetString().ShouldBe(Title + $"（{winner}）");
                stored.GetProperty("figures").GetProperty("patients_benefited").GetDecimal().ShouldBe(winner == "A" ? 50 : 60);
                stored.GetProperty("version").GetInt64().ShouldBe(version + 1);
            }

            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        });

    /// <summary>Both instances serving, then the test; a failure carries both instances' and nginx's logs.</summary>
    private async Task RunAsync(Func<Task> test)
    {
        try
        {
            await cluster.WithDiagnosticsAsync(async () =>
            {
                await cluster.EnsureBothRunningAsync();
                await test();
            });
        }
        finally
        {
            foreach (var step in cluster.Steps)
            {
                output.WriteLine(step);
            }
        }
    }

    /// <summary>MudBlazor puts a text field's attributes on its input; the figures form wraps each input in a marked div.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;
}
