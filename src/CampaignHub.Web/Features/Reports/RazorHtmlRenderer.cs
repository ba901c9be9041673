using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// Renders a Razor component to an HTML string outside any page, for PDFs (and on-screen previews of the same
/// template). Razor encodes every value it writes, so user text stays text.
/// </summary>
public sealed class RazorHtmlRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var stopwatch = Stopwatch.StartNew();
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        RenderTimings.Current?.Add("html", stopwatch.Elapsed);
        return html;
    }
}
