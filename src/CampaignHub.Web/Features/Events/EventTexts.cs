using System.Globalization;
using CampaignHub.Web.Domain;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CampaignHub.Web.Features.Events;

/// <summary>Localised names of the event codes (resource keys <c>EventKind_free_clinic</c> etc.) and event times as shown.</summary>
public static class EventTexts
{
    public static IReadOnlyCollection<string> Kinds => Codes<EventKind>.All;

    public static IReadOnlyCollection<string> Channels => Codes<EventChannel>.All;

    public static IReadOnlyCollection<string> Statuses => Codes<EventStatus>.All;

    public static IReadOnlyCollection<string> Platforms => Codes<OnlinePlatform>.All;

    public static string Kind(IStringLocalizer localizer, string? code) => Name(localizer, "EventKind", code);

    public static string Channel(IStringLocalizer localizer, string? code) => Name(localizer, "EventChannel", code);

    public static string Status(IStringLocalizer localizer, string? code) => Name(localizer, "EventStatus", code);

    public static string Platform(IStringLocalizer localizer, string? code) => Name(localizer, "OnlinePlatform", code);

    /// <summary>"2021-04-16 09:00–11:00", or both dates when the event spans days.</summary>
    public static string Period(DateTime start, DateTime end) =>
        start.Date == end.Date
            ? $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{end.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} – {end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";

    public static Color StatusColor(string status) => status switch
    {
        "held" => Color.Success,
        "confirmed" => Color.Info,
        "cancelled" => Color.Error,
        _ => Color.Default,
    };

    private static string Name(IStringLocalizer localizer, string prefix, string? code) =>
        string.IsNullOrEmpty(code) ? "" : localizer[$"{prefix}_{code}"];
}
