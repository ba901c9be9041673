using CampaignHub.Web;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CampaignHub.UnitTests.Features.Reports.Summary;

/// <summary>How the report says a total that includes estimates: 约/about when all of it is estimated, 余/more than when part is.</summary>
public sealed class EstimatedAmountTests
{
    private static readonly IStringLocalizer Localizer = new ServiceCollection()
        .AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    [Theory]
    [InlineData("zh-CN", 38171, 0, "38171")]
    [InlineData("zh-CN", 500, 500, "约500")]
    [InlineData("zh-CN", 38650, 650, "38000余")]
    [InlineData("zh-CN", 540, 40, "约540")]
    [InlineData("en", 500, 500, "about 500")]
    [InlineData("en", 38650, 650, "more than 38000")]
    public void A_total_says_whether_it_was_counted_or_estimated(string language, int total, int estimated, string expected)
    {
        new ReportTexts(Localizer, language).Amount(total, estimated).ShouldBe(expected);
    }

    [Theory]
    [InlineData(38650, 38000)]
    [InlineData(543, 540)]
    [InlineData(99, 99)]
    [InlineData(7.5, 7)]
    [InlineData(1_234_567, 1_200_000)]
    public void Rounding_down_keeps_two_significant_digits(decimal value, decimal expected)
    {
        ReportTexts.RoundDown(value).ShouldBe(expected);
    }
}
