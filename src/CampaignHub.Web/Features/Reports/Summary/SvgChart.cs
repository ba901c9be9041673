using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// What the report's charts share. They are plain SVG built on the server, because the PDF is rendered with
/// JavaScript off; labels are written as text content, so Razor encodes them like any other user text.
/// </summary>
public abstract class SvgChart : ComponentBase
{
    protected const double Width = 640;

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartBar> Bars { get; set; } = [];

    /// <summary>Shown instead of the chart when every value is zero.</summary>
    [Parameter]
    public string EmptyText { get; set; } = "";

    protected static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    protected static string N(decimal value) => ReportTexts.Number(value);

    protected bool IsEmpty => Bars.All(b => b.Total == 0);

    protected void OpenSvg(RenderTreeBuilder builder, double height)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "xmlns", "http://www.w3.org/2000/svg");
        builder.AddAttribute(2, "viewBox", $"0 0 {F(Width)} {F(height)}");
        builder.AddAttribute(3, "role", "img");
        builder.AddAttribute(4, "aria-label", Title);
        builder.AddAttribute(5, "class", "chart");
    }

    protected static void Rect(RenderTreeBuilder builder, double x, double y, double width, double height, string fill)
    {
        builder.OpenElement(10, "rect");
        builder.AddAttribute(11, "x", F(x));
        builder.AddAttribute(12, "y", F(y));
        builder.AddAttribute(13, "width", F(Math.Max(width, 0)));
        builder.AddAttribute(14, "height", F(Math.Max(height, 0)));
        builder.AddAttribute(15, "fill", fill);
        builder.CloseElement();
    }

    protected static void Text(RenderTreeBuilder builder, double x, double y, string text, string anchor = "start", string cssClass = "")
    {
        builder.OpenElement(20, "text");
        builder.AddAttribute(21, "x", F(x));
        builder.AddAttribute(22, "y", F(y));
        builder.AddAttribute(23, "text-anchor", anchor);
        if (cssClass.Length > 0)
        {
            builder.AddAttribute(24, "class", cssClass);
        }

        builder.AddContent(25, text);
        builder.CloseElement();
    }

    protected static void Line(RenderTreeBuilder builder, double x1, double y1, double x2, double y2, string cssClass)
    {
        builder.OpenElement(30, "line");
        builder.AddAttribute(31, "x1", F(x1));
        builder.AddAttribute(32, "y1", F(y1));
        builder.AddAttribute(33, "x2", F(x2));
        builder.AddAttribute(34, "y2", F(y2));
        builder.AddAttribute(35, "class", cssClass);
        builder.CloseElement();
    }

    /// <summary>The series' colours and names in a row above the chart, when there is more than one.</summary>
    protected double Legend(RenderTreeBuilder builder, double x)
    {
        if (Series.Count < 2)
        {
            return 0;
        }

        foreach (var series in Series)
        {
            Rect(builder, x, 4, 10, 10, series.Color);
            Text(builder, x + 14, 13, series.Name, cssClass: "legend");
            x += 24 + series.Name.Length * 11;
        }

        return 22;
    }

    /// <summary>Long labels are cut, since SVG text does not wrap; the tables carry the full names.</summary>
    protected static string Cut(string label, int max) => label.Length <= max ? label : label[..(max - 1)] + "…";

    protected void Empty(RenderTreeBuilder builder)
    {
        builder.OpenElement(40, "p");
        builder.AddAttribute(41, "class", "empty");
        builder.AddContent(42, EmptyText);
        builder.CloseElement();
    }
}
