using System.Globalization;
using Bunit;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Hosting;

/// <summary>MudBlazor's own labels (what a screen reader says for "clear", "first page") follow the user's language.</summary>
public sealed class MudResourceLocalizerTests : IDisposable
{
    private readonly BunitContext context = new();

    public MudResourceLocalizerTests()
    {
        // The app's own registration: the resources and the MudBlazor localizer on top of them.
        context.Services.AddMudServices();
        context.Services.AddCampaignHubLocalization();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData("zh-CN", "清除", "第一页", "下一页")]
    [InlineData("en", "Clear", "First page", "Next page")]
    public void The_clear_button_and_the_pager_are_labelled_in_the_users_language(string culture, string clear, string first, string next)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

        var field = context.Render<MudTextField<string>>(p => p.Add(f => f.Value, "乳腺癌").Add(f => f.Clearable, true));
        var pagination = context.Render<MudPagination>(p => p.Add(x => x.Count, 5).Add(x => x.ShowFirstButton, true).Add(x => x.ShowNextButton, true));

        field.Find("button.mud-input-clear-button").GetAttribute("aria-label").ShouldBe(clear);
        pagination.FindAll("button[aria-label]").Select(b => b.GetAttribute("aria-label")).ShouldContain(first);
        pagination.FindAll("button[aria-label]").Select(b => b.GetAttribute("aria-label")).ShouldContain(next);
    }

    public void Dispose() => context.Dispose();
}
