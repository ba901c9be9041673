using AngleSharp.Html.Parser;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>
/// "Today" is the association's date (Association:TimeZone), not the server's: a new event defaults to today when
/// its campaign is running, else to the campaign's first day, and is held or planned by that date. The app runs at
/// 20:00 UTC on 15 April 2021, already 16 April in Shanghai.
/// </summary>
public sealed class EventDateDefaultTests(EventDateDefaultTests.App factory) : IClassFixture<EventDateDefaultTests.App>
{
    public sealed class App : CampaignHubAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2021, 4, 15, 20, 0, 0, TimeSpan.Zero))));
        }
    }

    private async Task<(HttpClient Browser, int Unit)> CoordinatorAsync()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会-{Guid.NewGuid():N}");
        var email = $"coordinator-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Coordinator, unit);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);
        return (browser, unit);
    }

    private static async Task<(string? Date, string? EndDate, string? Status)> NewEventAsync(HttpClient browser, int campaign)
    {
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/events/new?campaignId={campaign}"));
        return (page.QuerySelector("input[data-testid=event-start-date]")?.GetAttribute("value"),
            page.QuerySelector("input[data-testid=event-end-date]")?.GetAttribute("value"),
            page.QuerySelector("[data-testid=event-status]")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_new_event_in_a_running_campaign_is_dated_the_associations_today_and_held()
    {
        var (browser, unit) = await CoordinatorAsync();
        var campaign = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);

        var (date, end, status) = await NewEventAsync(browser, campaign);

        date.ShouldBe("2021-04-16");
        end.ShouldBe("2021-04-16");
        status.ShouldBe("已举办");
    }

    [Fact]
    public async Task A_new_event_in_a_campaign_still_to_come_is_dated_its_first_day_and_planned()
    {
        var (browser, unit) = await CoordinatorAsync();
        var campaign = await factory.AddCampaignAsync("县域巡讲", new(2021, 5, 1), new(2021, 5, 31), unit);

        (await NewEventAsync(browser, campaign)).ShouldBe(("2021-05-01", "2021-05-01", "计划中"));
    }

    [Fact]
    public async Task A_new_event_in_a_past_campaign_is_dated_its_first_day_and_held()
    {
        var (browser, unit) = await CoordinatorAsync();
        var campaign = await factory.AddCampaignAsync("去年宣传周", new(2020, 4, 15), new(2020, 4, 21), unit);

        (await NewEventAsync(browser, campaign)).ShouldBe(("2020-04-15", "2020-04-15", "已举办"));
    }

    [Fact]
    public async Task The_campaign_figures_page_opens_on_the_associations_today_within_the_campaign_else_its_first_day()
    {
        var (browser, unit) = await CoordinatorAsync();
        var running = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var later = await factory.AddCampaignAsync("县域巡讲", new(2021, 5, 1), new(2021, 5, 31), unit);

        string? EntryDate(string html) => new HtmlParser().ParseDocument(html).QuerySelector("input[data-testid=entry-date]")?.GetAttribute("value");

        EntryDate(await browser.GetStringAsync($"/campaigns/{running}/figures")).ShouldBe("2021-04-16");
        EntryDate(await browser.GetStringAsync($"/campaigns/{later}/figures")).ShouldBe("2021-05-01");
    }
}
