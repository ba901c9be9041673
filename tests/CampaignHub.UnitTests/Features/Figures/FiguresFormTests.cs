using System.Globalization;
using Bunit;
using CampaignHub.Web.Components.Shared;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Figures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Figures;

/// <summary>The figures form a coordinator fills in on the phone: metrics grouped as the report groups them, those
/// that fit the event first, and a message on the very field that holds a value the rules refuse.</summary>
public sealed class FiguresFormTests
{
    private static readonly IReadOnlyList<MetricOption> Metrics =
    [
        new(1, "staff_medical", "医护人员", "Medical staff", "人", "people", MetricGroup.Participants, 10, true, [EventKind.FreeClinic, EventKind.Screening]),
        new(2, "volunteers", "志愿者", "Volunteers", "人", "people", MetricGroup.Participants, 50, true, [EventKind.FreeClinic]),
        new(3, "patients_benefited", "患者受益人数", "Patients who benefited", "人", "people", MetricGroup.Beneficiaries, 100, true, [EventKind.FreeClinic]),
        new(4, "screened", "筛查人数", "People screened", "人", "people", MetricGroup.Screening, 180, true, [EventKind.Screening]),
        new(5, "donations", "捐赠金额", "Donations", "万元", "10k yuan", MetricGroup.Other, 300, false, []),
    ];

    private static BunitContext NewContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<AssociationClock>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    private static Dictionary<string, string> Values(params (string Code, string Text)[] values) =>
        values.ToDictionary(v => v.Code, v => v.Text, StringComparer.OrdinalIgnoreCase);

    private static string[] Shown(IRenderedComponent<FiguresForm> form) =>
        form.FindAll("[data-testid^=figure-] input").Select(i => i.Id ?? "").ToArray();

    [Fact]
    public async Task Metrics_are_grouped_by_their_group_in_catalogue_order_with_localised_headings()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p.Add(f => f.Metrics, Metrics).Add(f => f.Values, Values()));

        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["参与人员", "受益人数", "筛查", "其他"]);
        // Each group's inputs follow its heading, and a phone gets the numeric keyboard (decimals for an amount).
        var participants = form.Find("[data-testid=figure-group-Participants]");
        participants.NextElementSibling!.QuerySelectorAll("input").Length.ShouldBe(2);
        form.Find("[data-testid=figure-screened] label").TextContent.ShouldContain("筛查人数");
        form.Find("[data-testid=figure-screened] input").GetAttribute("inputmode").ShouldBe("numeric");
        form.Find("[data-testid=figure-donations] input").GetAttribute("inputmode").ShouldBe("decimal");
        // The name is the input's label, above it, so a long one never runs into the unit inside the field.
        var label = form.Find("[data-testid=figure-screened] label.figure-label");
        label.GetAttribute("for").ShouldBe(form.Find("[data-testid=figure-screened] input").Id);
    }

    [Fact]
    public async Task An_events_form_shows_the_metrics_that_fit_its_kind_first_and_the_rest_after_one_tap()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p.Add(f => f.Metrics, Metrics).Add(f => f.Values, Values()).Add(f => f.Kind, EventKind.Screening));

        Shown(form).ShouldBe(["figure-input-staff_medical", "figure-input-screened"]);
        form.Find("[data-testid=figures-more]").TextContent.ShouldContain("更多数据（3）");

        form.Find("[data-testid=figures-more]").Click();

        Shown(form).Length.ShouldBe(Metrics.Count);
        form.Find("[data-testid=figures-more]").TextContent.ShouldContain("收起");

        // Another kind, other metrics first.
        form.Find("[data-testid=figures-more]").Click();
        form.Render(p => p.Add(f => f.Kind, EventKind.FreeClinic));
        Shown(form).ShouldBe(["figure-input-staff_medical", "figure-input-volunteers", "figure-input-patients_benefited"]);
    }

    [Fact]
    public async Task A_figure_that_has_a_value_is_always_shown_even_if_it_does_not_fit_the_kind()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics).Add(f => f.Values, Values(("patients_benefited", "40"))).Add(f => f.Kind, EventKind.Screening));

        Shown(form).ShouldBe(["figure-input-staff_medical", "figure-input-patients_benefited", "figure-input-screened"]);
        form.Find("[data-testid=figure-patients_benefited] input").GetAttribute("value").ShouldBe("40");
        form.Find("[data-testid=figures-more]").TextContent.ShouldContain("更多数据（2）");
    }

    [Fact]
    public async Task A_negative_decimal_or_non_numeric_figure_gets_a_message_on_its_field_and_the_form_does_not_pass()
    {
        await using var context = NewContext();
        var values = Values();
        var form = context.Render<FiguresForm>(p => p.Add(f => f.Metrics, Metrics).Add(f => f.Values, values));

        form.Find("[data-testid=figure-staff_medical] input").Change("-3");
        form.Find("[data-testid=figure-patients_benefited] input").Change("很多");
        form.Find("[data-testid=figure-volunteers] input").Change("12.5");
        form.Find("[data-testid=figure-screened] input").Change("45");
        form.Find("[data-testid=figure-donations] input").Change("12.5");

        // Each message is there as soon as the field is left, and a save is stopped.
        form.Find("[data-testid=figure-staff_medical]").TextContent.ShouldContain("数值不能为负数。");
        form.Find("[data-testid=figure-patients_benefited]").TextContent.ShouldContain("请输入数字");
        form.Find("[data-testid=figure-volunteers]").TextContent.ShouldContain("此项是计数，请填写整数。");
        form.Find("[data-testid=figure-screened]").TextContent.ShouldNotContain("请");
        form.Find("[data-testid=figure-donations]").TextContent.ShouldNotContain("整数");
        (await form.InvokeAsync(() => form.Instance.Check())).ShouldBeFalse();

        form.Find("[data-testid=figure-staff_medical] input").Change("3");
        form.Find("[data-testid=figure-patients_benefited] input").Change("１２０");
        form.Find("[data-testid=figure-volunteers] input").Change("12");

        (await form.InvokeAsync(() => form.Instance.Check())).ShouldBeTrue();
        values.ShouldBe(Values(("staff_medical", "3"), ("patients_benefited", "１２０"), ("volunteers", "12"), ("screened", "45"), ("donations", "12.5")), ignoreOrder: true);
        form.Find("[data-testid=figure-staff_medical]").TextContent.ShouldNotContain("数值不能为负数。");
    }

    [Fact]
    public async Task The_services_errors_are_shown_on_their_fields_in_english_too_until_the_field_is_edited()
    {
        await using var context = NewContext("en");
        var errors = new FieldErrors();
        errors.Set(new Dictionary<string, string[]> { ["figures.volunteers"] = ["This figure is too large."] });

        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics)
            .Add(f => f.Values, Values(("volunteers", "2000000000000")))
            .Add(f => f.Errors, errors));

        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["People taking part", "People who benefited", "Screening", "Other"]);
        form.Find("[data-testid=figure-volunteers]").TextContent.ShouldContain("This figure is too large.");
        form.Find("[data-testid=figure-volunteers] input").GetAttribute("value").ShouldBe("2000000000000");

        form.Find("[data-testid=figure-volunteers] input").Change("20");
        form.Find("[data-testid=figure-volunteers]").TextContent.ShouldNotContain("too large");
    }

    [Fact]
    public async Task Read_only_it_lists_only_the_logged_figures_by_group()
    {
        await using var context = NewContext();

        var form = context.Render<FiguresForm>(p => p
            .Add(f => f.Metrics, Metrics)
            .Add(f => f.ReadOnly, true)
            .Add(f => f.Values, Values(("screened", "1234"))));

        form.FindAll("input").ShouldBeEmpty();
        form.FindAll("h3").Select(h => h.TextContent.Trim()).ShouldBe(["筛查"]);
        form.Find("[data-testid=figure-screened]").TextContent.ShouldContain("1,234");
    }
}
