using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Features.Schedule;

/// <summary>GET /schedule/print.pdf with the browser's cookie and the real Chromium: what the noticeboard shows.</summary>
public sealed class SchedulePrintTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string HtmlTitle = "<img src=\"http://example.invalid/x.png\"> <script>alert(1)</script>讲座";

    private static DateTime At(int day, int hour, int minute = 0) => new(2021, 4, day, hour, minute, 0);

    private async Task<HttpClient> SignedInStaffAsync()
    {
        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);
        return client;
    }

    private async Task<(int Unit, int Campaign)> NewWeekAsync(string name)
    {
        var unit = await factory.AddUnitAsync($"{name}专委会");
        var campaign = await factory.AddCampaignAsync($"{name}宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        return (unit, campaign);
    }

    [Fact]
    public async Task A_units_week_prints_as_a_chinese_pdf_with_its_events_people_on_duty_and_the_week()
    {
        var (unit, campaign) = await NewWeekAsync("乳腺癌");
        var clinic = await factory.AddEventAsync(campaign, [unit], "社区乳腺癌义诊", At(15, 9), At(15, 11), location: "迎泽公园");
        await factory.AddEventAsync(campaign, [unit], "雨天取消的筛查", At(17, 14), At(17, 16), kind: "screening", status: "cancelled");
        await factory.AddEventAsync(campaign, [unit], "下周的讲座", At(19, 9), At(19, 10), kind: "lecture");
        await factory.AddDutyAsync(clinic, await factory.AddPersonAsync("王医生"), DutyRole.Expert);
        await factory.AddDutyAsync(clinic, await factory.AddPersonAsync("李护士"), DutyRole.Nurse, At(15, 9), At(15, 10));
        var client = await SignedInStaffAsync();

        var response = await client.GetAsync($"/schedule/print.pdf?week=2021-04-15&unitId={unit}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        (disposition.FileNameStar ?? disposition.FileName)!.ShouldContain("2021-04-12");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        (await PdfTools.PageCountAsync(pdf)).ShouldBeGreaterThanOrEqualTo(1);
        var text = await PdfTools.CompactTextAsync(pdf);
        text.ShouldContain("一周活动安排");
        text.ShouldContain("乳腺癌专委会");
        text.ShouldContain("2021-04-12–2021-04-18");
        text.ShouldContain("Asia/Shanghai(UTC+8)");
        text.ShouldContain("社区乳腺癌义诊");
        text.ShouldContain("迎泽公园");
        text.ShouldContain("义诊/咨询");
        text.ShouldContain("09:00–11:00");
        text.ShouldContain("王医生");
        text.ShouldContain("李护士");
        // Cancelled events stay on the board, marked.
        text.ShouldContain("雨天取消的筛查");
        text.ShouldContain("已取消");
        // The next Monday belongs to the next week.
        text.ShouldNotContain("下周的讲座");
        // Printed in the report fonts, as the summary report: named TrueType subsets, no Type 3.
        (await PdfTools.FontsAsync(pdf)).ShouldAllBe(f => f.Type == "CID TrueType" && f.Name.Contains("+CampaignHubSansSC-"));
    }

    [Fact]
    public async Task Markup_in_a_title_is_printed_as_text_and_fetches_nothing()
    {
        var (unit, campaign) = await NewWeekAsync("标记");
        await factory.AddEventAsync(campaign, [unit], HtmlTitle, At(16, 19), At(16, 20), kind: "lecture", channel: "online", platform: "wechat");
        var client = await SignedInStaffAsync();

        var response = await client.GetAsync($"/schedule/print.pdf?week=2021-04-16&campaignId={campaign}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await PdfTools.CompactTextAsync(await response.Content.ReadAsByteArrayAsync());
        text.ShouldContain(PdfTools.Compact(HtmlTitle));
        text.ShouldContain("标记宣传周");
    }

    [Fact]
    public async Task The_schedule_prints_in_english_for_a_user_who_chose_english()
    {
        var (unit, campaign) = await NewWeekAsync("English");
        await factory.AddEventAsync(campaign, [unit], "Clinic on the square", At(18, 9), At(18, 11), status: "confirmed");
        var client = await SignedInStaffAsync();
        (await client.GetAsync("/culture/en?returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync($"/schedule/print.pdf?week=2021-04-18&campaignId={campaign}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await PdfTools.CompactTextAsync(await response.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Weekschedule");
        text.ShouldContain("Sunday2021-04-18");
        text.ShouldContain("Cliniconthesquare");
        text.ShouldContain("Confirmed");
    }

    [Theory]
    [InlineData("week=2021-13-01&unitId={unit}", "week")]
    [InlineData("week=15.04.2021&unitId={unit}", "week")]
    [InlineData("unitId={unit}", "week")]
    [InlineData("week=2021-04-15", "campaignId")]
    [InlineData("week=2021-04-15&unitId=999999", "unitId")]
    [InlineData("week=2021-04-15&campaignId=999999", "campaignId")]
    [InlineData("week=2021-04-15&campaignId=abc", "campaignId")]
    public async Task A_bad_week_or_an_unknown_campaign_or_unit_is_a_400_naming_the_field(string query, string field)
    {
        var unit = await factory.AddUnitAsync($"错误输入专委会-{Guid.NewGuid():N}");
        var client = await SignedInStaffAsync();

        var response = await client.GetAsync("/schedule/print.pdf?" + query.Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Without_signing_in_the_pdf_asks_for_a_sign_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/schedule/print.pdf?week=2021-04-15&unitId=1");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
