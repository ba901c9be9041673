using MudBlazor;

namespace CampaignHub.Web.Components.Layout;

/// <summary>One theme for the interactive app and the static account pages, so both look the same.</summary>
public static class CampaignHubTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00695C",
            Secondary = "#C2185B",
            AppbarBackground = "#00695C",
            Background = "#F5F7F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                // System CJK fonts first: nothing is fetched from outside hosts.
                FontFamily = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
