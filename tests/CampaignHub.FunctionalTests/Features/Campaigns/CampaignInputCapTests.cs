using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;

namespace CampaignHub.FunctionalTests.Features.Campaigns;

/// <summary>
/// Lists in the campaign and unit inputs past any real use (issue 13): 40,000 ids once gave a 500 from
/// SQLite's parameter limit. Now one 400 names the field, and staff get 403 before anything they sent is read.
/// </summary>
public sealed class CampaignInputCapTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<HttpClient> ClientAsync(string role)
    {
        var (_, client) = await factory.ApiUserAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static Dictionary<string, object?> Campaign(string field, object value) => new()
    {
        ["name"] = $"宣传周 {Guid.NewGuid():N}",
        ["startDate"] = "2021-04-15",
        ["endDate"] = "2021-04-21",
        [field] = value,
    };

    private static async Task<string[]> ErrorsOfAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    public static TheoryData<string, int> CampaignLists => new()
    {
        { "organiserIds", ListLimits.Organisers },
        { "unitIds", ListLimits.Units },
        { "targets", ListLimits.Figures },
        { "outcomes", ListLimits.Outcomes },
    };

    private static object Oversized(string field) => field switch
    {
        "targets" => Enumerable.Range(1, 40_000).ToDictionary(i => $"metric_{i}", i => 1m),
        "outcomes" => Enumerable.Range(1, 40_000).Select(i => new { name = $"rate {i}", ratePercent = 1m }).ToArray(),
        _ => Enumerable.Range(1, 40_000).ToArray(),
    };

    [Theory]
    [MemberData(nameof(CampaignLists))]
    public async Task A_campaign_list_of_forty_thousand_entries_is_one_400_naming_the_field(string field, int max)
    {
        var admin = await ClientAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/campaigns", Campaign(field, Oversized(field)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsOfAsync(response, field)).ShouldBe([$"At most {max} entries."]);
    }

    [Fact]
    public async Task Staff_sending_forty_thousand_organiser_ids_are_refused_403()
    {
        var staff = await ClientAsync(Roles.Staff);

        var response = await staff.PostAsJsonAsync("/api/campaigns", Campaign("organiserIds", Oversized("organiserIds")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_unit_with_forty_thousand_coordinator_emails_is_one_400_naming_the_field()
    {
        var admin = await ClientAsync(Roles.Admin);
        var emails = Enumerable.Range(1, 40_000).Select(i => $"c{i}@test.local").ToArray();

        var response = await admin.PostAsJsonAsync("/api/units", new { name = $"委员会 {Guid.NewGuid():N}", coordinatorEmails = emails });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsOfAsync(response, "coordinatorEmails")).ShouldBe([$"At most {ListLimits.Coordinators} entries."]);
    }

    [Fact]
    public async Task Staff_creating_a_unit_with_forty_thousand_emails_and_no_name_are_refused_403_not_told_about_fields()
    {
        var staff = await ClientAsync(Roles.Staff);
        var emails = Enumerable.Range(1, 40_000).Select(i => $"c{i}@test.local").ToArray();

        var response = await staff.PostAsJsonAsync("/api/units", new { coordinatorEmails = emails });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
