using MudBlazor;

namespace CampaignHub.Web.Components.Layout;

/// <summary>
/// One theme for the interactive app and the static account pages, so both look the same. The status colours and
/// the secondary text are darker than MudBlazor's defaults: white on them (chips, filled buttons) and they on the
/// page background reach WCAG 2.1 AA (4.5:1), which the defaults (#00c853, #2196f3, #ff9800, #f44336) do not.
/// </summary>
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
            Success = "#2E7D32",
            Info = "#1565C0",
            Warning = "#A84E00",
            Error = "#C62828",
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDisabled = "rgba(0,0,0,0.45)",
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
