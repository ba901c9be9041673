using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Features.Campaigns;

/// <summary>In English the pages name campaigns (with theme and edition), units and organisations in English where they have English names.</summary>
public sealed class EnglishNamesTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Fact]
    public async Task In_english_campaigns_units_themes_and_editions_are_shown_in_english()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        int campaignId;
        await using (var db = await factory.DbAsync())
        {
            var unit = new Unit { Name = $"乳腺癌专委会{suffix}", NameEn = $"Breast Cancer Committee {suffix}" };
            var host = new Organisation { Name = $"山西省肿瘤医院{suffix}", NameEn = $"Shanxi Cancer Hospital {suffix}" };
            db.AddRange(unit, host);
            await db.SaveChangesAsync();
            var campaign = new Campaign
            {
                Name = $"第27届宣传周{suffix}", NameEn = $"27th Prevention Week {suffix}", Theme = "点亮癌症之路", ThemeEn = "Light the way",
                Edition = "第27届", EditionEn = "27th", StartDate = new(2021, 4, 15), EndDate = new(2021, 4, 21),
                Units = [new CampaignUnit { UnitId = unit.Id }],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
            db.Events.Add(new CampaignEvent
            {
                CampaignId = campaign.Id, Title = $"义诊{suffix}", Kind = EventKind.FreeClinic, Channel = EventChannel.Offline,
                StartsAt = new DateTime(2021, 4, 16, 9, 0, 0), EndsAt = new DateTime(2021, 4, 16, 11, 0, 0), HostOrganisationId = host.Id,
                Units = [new EventUnit { UnitId = unit.Id }],
            });
            await db.SaveChangesAsync();
        }

        var email = $"admin-{suffix}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Admin);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);

        var chinese = await client.GetStringAsync("/campaigns");
        chinese.ShouldContain($"第27届宣传周{suffix}");
        chinese.ShouldContain("点亮癌症之路");

        (await client.GetAsync("/culture/en?returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var campaigns = await client.GetStringAsync("/campaigns");
        campaigns.ShouldContain($"27th Prevention Week {suffix}");
        campaigns.ShouldContain("Light the way");
        campaigns.ShouldContain(">27th<");
        campaigns.ShouldNotContain("点亮癌症之路");

        var schedule = await client.GetStringAsync($"/schedule?view=agenda&date=2021-04-16&campaignId={campaignId}");
        schedule.ShouldContain($"Breast Cancer Committee {suffix}");
        schedule.ShouldNotContain($"乳腺癌专委会{suffix}");

        var dashboard = await client.GetStringAsync($"/campaigns/{campaignId}/dashboard");
        dashboard.ShouldContain($"27th Prevention Week {suffix}");
        dashboard.ShouldContain("27th · Light the way");
    }

    [Fact]
    public async Task The_api_takes_and_returns_the_english_edition()
    {
        var (_, api) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"肺癌专委会{Guid.NewGuid():N}");

        var created = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"宣传周{Guid.NewGuid():N}", edition = "第28届", editionEn = "28th", themeEn = "Together",
            startDate = "2022-04-15", endDate = "2022-04-21", unitIds = new[] { unit },
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("editionEn").GetString().ShouldBe("28th");
        json.RootElement.GetProperty("themeEn").GetString().ShouldBe("Together");

        var tooLong = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"宣传周{Guid.NewGuid():N}", editionEn = new string('x', 51), startDate = "2022-04-15", endDate = "2022-04-21",
            unitIds = new[] { unit },
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("editionEn");
    }
}
