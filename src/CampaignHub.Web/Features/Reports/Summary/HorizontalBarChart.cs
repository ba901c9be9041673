using Microsoft.AspNetCore.Components.Rendering;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>One horizontal bar per label (stacked by series), the total at its end: events by kind, media reach.</summary>
public sealed class HorizontalBarChart : SvgChart
{
    private const double LabelWidth = 190;
    private const double ValueWidth = 70;
    private const double RowHeight = 22;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (IsEmpty)
        {
            Empty(builder);
            return;
        }

        var bars = Bars.Where(b => b.Total > 0).ToList();
        var max = (double)bars.Max(b => b.Total);
        var top = Series.Count > 1 ? 24 : 4;
        OpenSvg(builder, top + bars.Count * RowHeight + 4);
        Legend(builder, LabelWidth);
        var area = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * RowHeight;
            Text(builder, LabelWidth - 6, y + 15, Cut(bars[i].Label, 16), "end");
            var x = LabelWidth;
            for (var s = 0; s < bars[i].Values.Count && s < Series.Count; s++)
            {
                var width = area * (double)bars[i].Values[s] / max;
                Rect(builder, x, y + 3, width, RowHeight - 6, Series[s].Color);
                x += width;
            }

            Text(builder, x + 4, y + 15, N(bars[i].Total), cssClass: "value");
        }

        builder.CloseElement();
    }
}
