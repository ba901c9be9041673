using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Campaigns;

/// <summary>
/// A project as seed 003 states it, through the campaigns API: its form and report language, aim, organisers by role,
/// partner sites (listed and counted), regions, outcomes measured and computed, and awards with their recipients;
/// every wrong part refused by name with nothing written, and only admins writing.
/// </summary>
public sealed class CampaignResultsApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];

    private async Task<int> AddOrganisationAsync(string name, OrganisationKind kind = OrganisationKind.Hospital)
    {
        await using var db = await factory.DbAsync();
        var organisation = new Organisation { Name = Unique(name), Kind = kind };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>西部戒烟关爱行动 as its source tells it.</summary>
    private async Task<JsonObject> WesternCessationAsync()
    {
        var organisers = new[] { await AddOrganisationAsync("中国控制吸烟协会呼吸疾病防治专业委员会", OrganisationKind.Association), await AddOrganisationAsync("首都医科大学附属北京朝阳医院") };
        var partner = await AddOrganisationAsync("青海省人民医院");
        var host = await AddOrganisationAsync("北京市呼吸疾病研究所", OrganisationKind.Other);
        return new JsonObject
        {
            ["name"] = Unique("西部戒烟关爱行动"),
            ["form"] = "project",
            ["aim"] = "向中国西部地区12个省市的吸烟者或其亲友提供基于互联网技术的新型综合戒烟服务",
            ["startDate"] = "2021-04-20",
            ["endDate"] = "2021-08-06",
            ["organiserIds"] = new JsonArray(organisers.Select(id => (JsonNode)id).ToArray()),
            ["partnerSiteIds"] = new JsonArray(partner),
            ["hostIds"] = new JsonArray(host),
            ["partnerSiteCount"] = 9,
            ["partnerSiteKind"] = "hospital",
            ["regions"] = new JsonArray(new JsonObject { ["name"] = "四川省", ["nameEn"] = "Sichuan" }, new JsonObject { ["name"] = "青海省" }),
            ["outcomes"] = new JsonArray(
                new JsonObject { ["name"] = "1个月后成功戒烟率", ["ratePercent"] = 47.8m, ["sampleSize"] = 17326, ["method"] = "随访", ["measuredOn"] = "2021-08-06" },
                new JsonObject { ["name"] = "戒烟服务知晓率", ["ratePercent"] = 70, ["bound"] = "more_than", ["targetPercent"] = 60 },
                new JsonObject { ["name"] = "尝试戒烟率", ["numerator"] = 233, ["denominator"] = 1000 },
                new JsonObject { ["name"] = "转诊率", ["kind"] = "computed", ["numeratorMetric"] = "referred", ["denominatorMetric"] = "screened" }),
            ["awards"] = new JsonArray(
                new JsonObject { ["name"] = "控烟大使", ["recipientCount"] = 7 },
                new JsonObject { ["name"] = "控烟先锋" },
                new JsonObject
                {
                    ["name"] = "戒烟大使", ["nameEn"] = "Quit-smoking ambassador",
                    ["recipients"] = new JsonArray(new JsonObject { ["name"] = "王先生", ["organisation"] = "北京朝阳医院戒烟门诊" }),
                }),
        };
    }

    [Fact]
    public async Task An_admin_enters_a_project_with_regions_partner_sites_outcomes_and_awards_and_reads_them_back()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var body = await WesternCessationAsync();

        var response = await admin.PostAsJsonAsync("/api/campaigns", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var campaign = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        campaign.GetProperty("form").GetString().ShouldBe("project");
        campaign.GetProperty("reportLanguage").GetString().ShouldBe("zh-CN");
        campaign.GetProperty("aim").GetString()!.ShouldStartWith("向中国西部地区");
        campaign.GetProperty("organiserIds").GetArrayLength().ShouldBe(2);
        campaign.GetProperty("partnerSiteIds").GetArrayLength().ShouldBe(1);
        campaign.GetProperty("hostIds").GetArrayLength().ShouldBe(1);
        campaign.GetProperty("partnerSiteCount").GetInt32().ShouldBe(9);
        campaign.GetProperty("partnerSiteKind").GetString().ShouldBe("hospital");
        campaign.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["四川省", "青海省"]);
        var outcomes = campaign.GetProperty("outcomes").EnumerateArray().ToList();
        outcomes.Select(o => o.GetProperty("kind").GetString()).ShouldBe(["measured", "measured", "measured", "computed"]);
        outcomes[0].GetProperty("ratePercent").GetDecimal().ShouldBe(47.8m);
        outcomes[0].GetProperty("sampleSize").GetInt32().ShouldBe(17326);
        outcomes[0].GetProperty("measuredOn").GetString().ShouldBe("2021-08-06");
        outcomes[1].GetProperty("bound").GetString().ShouldBe("more_than");
        outcomes[1].GetProperty("targetPercent").GetDecimal().ShouldBe(60);
        outcomes[2].GetProperty("denominator").GetDecimal().ShouldBe(1000);
        outcomes[3].GetProperty("numeratorMetric").GetString().ShouldBe("referred");
        outcomes[3].GetProperty("denominatorMetric").GetString().ShouldBe("screened");
        var awards = campaign.GetProperty("awards").EnumerateArray().ToList();
        awards[0].GetProperty("recipientCount").GetInt32().ShouldBe(7);
        awards[1].GetProperty("recipients").GetArrayLength().ShouldBe(0);
        awards[2].GetProperty("recipients")[0].GetProperty("organisation").GetString().ShouldBe("北京朝阳医院戒烟门诊");

        // A later save that leaves the parts out (an older client) keeps them; the form moves to English-first.
        var update = new JsonObject
        {
            ["name"] = campaign.GetProperty("name").GetString(), ["startDate"] = "2021-04-20", ["endDate"] = "2021-08-06",
            ["organiserIds"] = JsonNode.Parse(campaign.GetProperty("organiserIds").GetRawText()), ["reportLanguage"] = "en",
            ["version"] = campaign.GetProperty("version").GetInt64(),
        };
        var saved = await admin.PutAsJsonAsync($"/api/campaigns/{id}", update);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("reportLanguage").GetString().ShouldBe("en");
        after.GetProperty("form").GetString().ShouldBe("project");
        after.GetProperty("regions").GetArrayLength().ShouldBe(2);
        after.GetProperty("outcomes").GetArrayLength().ShouldBe(4);
        after.GetProperty("awards").GetArrayLength().ShouldBe(3);
        after.GetProperty("hostIds").GetArrayLength().ShouldBe(1);

        // Every part is in the audit trail.
        await using var db = await factory.DbAsync();
        var audited = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync();
        audited.ShouldContain(nameof(CampaignRegion));
        audited.ShouldContain(nameof(CampaignAward));
        audited.ShouldContain(nameof(AwardRecipient));
        audited.ShouldContain(nameof(CampaignOutcome));
        after.GetProperty("partnerSiteIds").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Each_wrong_part_is_a_400_naming_its_field_and_nothing_is_written()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var body = await WesternCessationAsync();
        var organiser = body["organiserIds"]![0]!.GetValue<int>();
        body["form"] = "festival";
        body["reportLanguage"] = "fr";
        body["partnerSiteIds"] = new JsonArray(organiser);
        body["partnerSiteCount"] = 0;
        body["regions"] = new JsonArray(new JsonObject { ["nameEn"] = "Gansu" });
        body["outcomes"] = new JsonArray(
            new JsonObject { ["name"] = "知晓率", ["ratePercent"] = 70, ["sampleSize"] = 0 },
            new JsonObject { ["name"] = "尝试率", ["numerator"] = 5, ["denominator"] = 0 },
            new JsonObject { ["name"] = "转诊率", ["kind"] = "computed", ["numeratorMetric"] = "screened", ["denominatorMetric"] = "screened" },
            new JsonObject { ["name"] = "阳性率", ["kind"] = "computed", ["numeratorMetric"] = "no_such_metric", ["denominatorMetric"] = "screened", ["ratePercent"] = 5 },
            new JsonObject { ["name"] = "随访率" });
        body["awards"] = new JsonArray(
            new JsonObject { ["name"] = "控烟先锋", ["recipientCount"] = 0 },
            new JsonObject { ["name"] = "控烟卫士", ["recipientCount"] = 1, ["recipients"] = new JsonArray(new JsonObject { ["name"] = "甲" }, new JsonObject { ["name"] = "乙" }) },
            new JsonObject { ["name"] = "", ["recipients"] = new JsonArray(new JsonObject { ["organisation"] = "某医院" }) },
            new JsonObject { ["name"] = "颁奖", ["recipientCount"] = 1, ["eventId"] = 999999 });
        await using (var db = await factory.DbAsync())
        {
            var before = await db.Campaigns.CountAsync();

            var response = await admin.PostAsJsonAsync("/api/campaigns", body);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
            fields.ShouldBe(
            [
                "form", "reportLanguage", "partnerSiteIds", "partnerSiteCount", "regions[0].name",
                "outcomes[0].sampleSize", "outcomes[1].denominator", "outcomes[2].denominatorMetric", "outcomes[3].numeratorMetric",
                "outcomes[3].ratePercent", "outcomes[4].ratePercent", "awards[0].recipientCount", "awards[1].recipientCount", "awards[2].name",
                "awards[2].recipients[0].name", "awards[3].eventId",
            ], ignoreOrder: true);
            errors.GetProperty("outcomes[1].denominator")[0].GetString()!.ShouldContain("0");
            (await db.Campaigns.CountAsync()).ShouldBe(before);
        }

        // On a campaign that exists, a wrong part leaves it as it was, version and all.
        var valid = await WesternCessationAsync();
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", valid)).Content.ReadFromJsonAsync<JsonElement>();
        valid["version"] = created.GetProperty("version").GetInt64();
        valid["outcomes"] = new JsonArray(new JsonObject { ["name"] = "尝试率", ["numerator"] = 5, ["denominator"] = 0 });
        var refused = await admin.PutAsJsonAsync($"/api/campaigns/{created.GetProperty("id").GetInt32()}", valid);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcomes[0].denominator", out _).ShouldBeTrue();
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{created.GetProperty("id").GetInt32()}");
        unchanged.GetProperty("version").GetInt64().ShouldBe(created.GetProperty("version").GetInt64());
        unchanged.GetProperty("outcomes").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task An_award_given_at_one_of_the_campaigns_events_names_it_and_an_event_of_another_campaign_is_refused()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync(Unique("戒烟门诊"), UnitKind.Department);
        var campaign = await factory.AddCampaignAsync("西部戒烟关爱行动", new(2021, 4, 20), new(2021, 11, 29), unit);
        var other = await factory.AddCampaignAsync("另一活动", new(2021, 4, 20), new(2021, 11, 29), unit);
        async Task<int> EventAsync(int campaignId)
        {
            await using var db = await factory.DbAsync();
            var e = new CampaignEvent
            {
                CampaignId = campaignId, Title = "项目终期总结会", Kind = EventKind.Award, Channel = EventChannel.Online, Status = EventStatus.Held,
                StartsAt = new DateTime(2021, 11, 29, 9, 0, 0), EndsAt = new DateTime(2021, 11, 29, 11, 0, 0),
            };
            e.Units.Add(new EventUnit { UnitId = unit });
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        }

        var meeting = await EventAsync(campaign);
        var elsewhere = await EventAsync(other);
        var current = await admin.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}");
        current!["awards"] = new JsonArray(new JsonObject { ["name"] = "控烟大使", ["recipientCount"] = 7, ["eventId"] = elsewhere });

        var refused = await admin.PutAsJsonAsync($"/api/campaigns/{campaign}", current);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("awards[0].eventId", out _).ShouldBeTrue();

        current["awards"]![0]!["eventId"] = meeting;
        var saved = await admin.PutAsJsonAsync($"/api/campaigns/{campaign}", current);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awards")[0].GetProperty("eventId").GetInt32().ShouldBe(meeting);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_get_403_before_any_field_is_checked_and_nothing_changes(string role)
    {
        var unit = await factory.AddUnitAsync(Unique("呼吸科"), UnitKind.Department);
        var campaign = await factory.AddCampaignAsync("西部戒烟关爱行动", new(2021, 4, 20), new(2021, 8, 6), unit);
        var (_, client) = await factory.ApiUserAsync(role, role == Roles.Coordinator ? [unit] : []);
        var wrong = new JsonObject
        {
            ["name"] = "x", ["startDate"] = "2021-04-20", ["endDate"] = "2021-08-06", ["form"] = "festival", ["version"] = 1,
            ["outcomes"] = new JsonArray(new JsonObject { ["name"] = "尝试率", ["numerator"] = 5, ["denominator"] = 0 }),
            ["awards"] = new JsonArray(new JsonObject { ["name"] = "控烟大使" }),
        };

        (await client.PostAsJsonAsync("/api/campaigns", wrong)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/campaigns/{campaign}", wrong)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = await factory.DbAsync();
        var stored = await db.Campaigns.Include(c => c.Outcomes).Include(c => c.Awards).SingleAsync(c => c.Id == campaign);
        (stored.Version, stored.Form, stored.Outcomes.Count, stored.Awards.Count).ShouldBe((1L, CampaignForm.PreventionWeek, 0, 0));
    }

    [Fact]
    public async Task Lists_over_their_caps_are_refused_before_anything_is_looked_up()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var body = new JsonObject
        {
            ["name"] = Unique("Capped"), ["startDate"] = "2021-04-20", ["endDate"] = "2021-08-06",
            ["regions"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["name"] = $"地区{i}" }).ToArray()),
            ["partnerSiteIds"] = new JsonArray(Enumerable.Range(1, 201).Select(i => (JsonNode)i).ToArray()),
            ["awards"] = new JsonArray(new JsonObject
            {
                ["name"] = "控烟大使",
                ["recipients"] = new JsonArray(Enumerable.Range(0, 201).Select(i => (JsonNode)new JsonObject { ["name"] = $"医生{i}" }).ToArray()),
            }),
        };

        var response = await admin.PostAsJsonAsync("/api/campaigns", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["partnerSiteIds", "regions", "awards[0].recipients"], ignoreOrder: true);
    }
}
