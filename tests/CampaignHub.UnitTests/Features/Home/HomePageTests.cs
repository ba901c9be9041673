using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using CampaignHub.Web.Components.Layout;
using CampaignHub.Web.Features.Home;
using CampaignHub.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Home;

public sealed class HomePageTests
{
    // MudBlazor registers services that only dispose asynchronously, so each test disposes its context with await.
    private static BunitContext NewContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public async Task Home_shows_what_each_of_the_users_roles_may_do()
    {
        await using var context = NewContext();
        var auth = context.AddAuthorization();
        auth.SetAuthorized("coordinator@example.org");
        auth.SetRoles(Roles.Coordinator);

        var home = context.Render<HomePage>();

        home.Find("[data-testid=home-heading]").TextContent.ShouldContain("欢迎，coordinator@example.org");
        var cards = home.FindAll("[data-testid=role-card]");
        cards.Count.ShouldBe(1);
        cards[0].TextContent.ShouldContain("联络员");
        cards[0].TextContent.ShouldContain("专委会、科室");
    }

    [Fact]
    public async Task Home_is_in_english_when_the_user_chose_english()
    {
        await using var context = NewContext("en");
        var auth = context.AddAuthorization();
        auth.SetAuthorized("admin@example.org");
        auth.SetRoles(Roles.Admin, Roles.Staff);

        var home = context.Render<HomePage>();

        home.Find("[data-testid=home-heading]").TextContent.ShouldContain("Welcome, admin@example.org");
        home.FindAll("[data-testid=role-card] h6").Select(c => c.TextContent)
            .ShouldBe(["Association admin", "Hospital staff"]);
    }

    [Fact]
    public async Task Choosing_a_language_reloads_the_page_through_the_culture_endpoint()
    {
        await using var context = NewContext();
        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/events?page=2");
        var popovers = context.Render<MudPopoverProvider>();
        var switcher = context.Render<CultureSwitcher>();

        switcher.Find("button").Click();
        popovers.WaitForElement("[data-testid=culture-en]").Click();

        // The menu closes before it navigates: on a busy machine the navigation lands a moment after the click.
        switcher.WaitForAssertion(() => navigation.History.First().Uri.ShouldBe("/culture/en?returnUrl=%2Fevents%3Fpage%3D2"), TimeSpan.FromSeconds(10));
        navigation.History.First().Options.ForceLoad.ShouldBeTrue();
    }
}
