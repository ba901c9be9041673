using System.Globalization;
using Bunit;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Figures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Figures;

/// <summary>The figures form a coordinator fills in on the phone: metrics grouped as the report groups them, and a
/// message on the very field that holds a negative or non-numeric value.</summary>
public sealed class FiguresFormTests
{
    private static readonly IReadOnlyList<MetricOption> Metrics =
    [
        new(1, "staff_medical", "医护人员", "Medical staff", "人", "people", MetricGroup.Participants, 10),
        new(2, "volunteers", "志愿者", "Volunteers", "人", "people", MetricGroup.Participants, 50),
        new(3, "patients_benefited", "患者受益人数", "Patients who benefited", "人", "people", MetricGroup.Beneficiaries, 100),
        new(4, "screened", "筛查人数", "People screened", "人", "people", MetricGroup.Screening, 180),
    ];

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
    public async Task Metrics_are_grouped_by_their_group_in_catalogue_order_with_localised_headings()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p.Add(f => f.Metrics, Metrics).Add(f => f.ShowSave, true));

        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["参与人员", "受益人数", "筛查"]);
        // Each group's inputs follow its heading, and a phone gets the numeric keyboard.
        var participants = form.Find("[data-testid=figure-group-Participants]");
        participants.NextElementSibling!.QuerySelectorAll("input").Length.ShouldBe(2);
        form.Find("[data-testid=figure-screened] label").TextContent.ShouldContain("筛查人数");
        form.FindAll("input").ShouldAllBe(i => i.GetAttribute("inputmode") == "numeric");
    }

    [Fact]
    public async Task A_negative_or_non_numeric_figure_gets_a_message_on_its_field_and_nothing_is_saved()
    {
        await using var context = NewContext();
        IReadOnlyDictionary<string, decimal>? saved = null;
        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics)
            .Add(f => f.ShowSave, true)
            .Add(f => f.OnSave, EventCallback.Factory.Create<IReadOnlyDictionary<string, decimal>>(this, v => saved = v)));

        form.Find("[data-testid=figure-staff_medical] input").Change("-3");
        form.Find("[data-testid=figure-patients_benefited] input").Change("很多");
        form.Find("[data-testid=figure-screened] input").Change("45");
        form.Find("[data-testid=figures-save]").Click();

        saved.ShouldBeNull();
        form.Find("[data-testid=figure-staff_medical]").TextContent.ShouldContain("数值不能为负数。");
        form.Find("[data-testid=figure-patients_benefited]").TextContent.ShouldContain("请输入数字");
        form.Find("[data-testid=figure-screened]").TextContent.ShouldNotContain("请输入数字");

        form.Find("[data-testid=figure-staff_medical] input").Change("3");
        form.Find("[data-testid=figure-patients_benefited] input").Change("１２０");
        form.Find("[data-testid=figures-save]").Click();

        saved.ShouldNotBeNull();
        saved.ShouldBe(new Dictionary<string, decimal> { ["staff_medical"] = 3, ["patients_benefited"] = 120, ["screened"] = 45 }, ignoreOrder: true);
        form.Find("[data-testid=figure-staff_medical]").TextContent.ShouldNotContain("数值不能为负数。");
    }

    [Fact]
    public async Task The_services_errors_are_shown_on_their_fields_in_english_too()
    {
        await using var context = NewContext("en");
        var errors = new Dictionary<string, string[]> { ["figures.volunteers"] = ["This figure is too large."] };

        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics)
            .Add(f => f.Figures, new Dictionary<string, decimal> { ["volunteers"] = 2_000_000_000_000m })
            .Add(f => f.Errors, errors));

        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["People taking part", "People who benefited", "Screening"]);
        form.Find("[data-testid=figure-volunteers]").TextContent.ShouldContain("This figure is too large.");
        form.Find("[data-testid=figure-volunteers] input").GetAttribute("value").ShouldBe("2000000000000");
    }

    [Fact]
    public async Task Read_only_it_lists_only_the_logged_figures_by_group()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics)
            .Add(f => f.ReadOnly, true)
            .Add(f => f.Figures, new Dictionary<string, decimal> { ["screened"] = 1234 }));

        form.FindAll("input").ShouldBeEmpty();
        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["筛查"]);
        form.Find("[data-testid=figure-screened]").TextContent.ShouldContain("1,234");
    }
}
