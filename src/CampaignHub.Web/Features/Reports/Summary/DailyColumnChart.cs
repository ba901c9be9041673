using Microsoft.AspNetCore.Components.Rendering;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>One column per day (stacked by series) over a value axis: events per day, online and offline.</summary>
public sealed class DailyColumnChart : SvgChart
{
    private const double Height = 230;
    private const double AxisWidth = 44;
    private const double BottomHeight = 22;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (IsEmpty)
        {
            Empty(builder);
            return;
        }

        OpenSvg(builder, Height);
        var top = 6 + Legend(builder, AxisWidth);
        var bottom = Height - BottomHeight;
        var max = ChartScale.NiceMax(Bars.Max(b => b.Total));
        for (var step = 0; step <= 4; step++)
        {
            var y = bottom - (bottom - top) * step / 4;
            Line(builder, AxisWidth, y, Width, y, step == 0 ? "axis" : "grid");
            Text(builder, AxisWidth - 4, y + 4, F(max * step / 4), "end", "tick");
        }

        var slot = (Width - AxisWidth) / Bars.Count;
        // At most about 16 dates under the axis, however long the period.
        var every = (int)Math.Ceiling(Bars.Count / 16.0);
        for (var i = 0; i < Bars.Count; i++)
        {
            var x = AxisWidth + i * slot + slot * 0.15;
            var y = bottom;
            for (var s = 0; s < Bars[i].Values.Count && s < Series.Count; s++)
            {
                var height = (bottom - top) * (double)Bars[i].Values[s] / max;
                y -= height;
                Rect(builder, x, y, slot * 0.7, height, Series[s].Color);
            }

            if (Bars[i].Total > 0 && slot >= 18)
            {
                Text(builder, x + slot * 0.35, y - 3, N(Bars[i].Total), "middle", "value");
            }

            if (i % every == 0)
            {
                Text(builder, x + slot * 0.35, Height - 6, Bars[i].Label, "middle", "tick");
            }
        }

        builder.CloseElement();
    }
}
