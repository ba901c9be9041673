using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CampaignHub.Web.Features.Events;

/// <summary>Localised names of the event enums (resource keys <c>EventKind_free_clinic</c> etc.) and event times as shown.</summary>
public static class EventTexts
{
    public static IReadOnlyList<EventKind> Kinds { get; } = Enum.GetValues<EventKind>();

    public static IReadOnlyList<EventChannel> Channels { get; } = Enum.GetValues<EventChannel>();

    public static IReadOnlyList<EventStatus> Statuses { get; } = Enum.GetValues<EventStatus>();

    public static IReadOnlyList<OnlinePlatform> Platforms { get; } = Enum.GetValues<OnlinePlatform>();

    public static IReadOnlyList<ProgrammeRole> Roles { get; } = Enum.GetValues<ProgrammeRole>();

    public static string Kind(IStringLocalizer localizer, EventKind kind) => CodeTexts.Name(localizer, kind);

    public static string Channel(IStringLocalizer localizer, EventChannel channel) => CodeTexts.Name(localizer, channel);

    public static string Status(IStringLocalizer localizer, EventStatus status) => CodeTexts.Name(localizer, status);

    /// <summary>The platform's name; empty for none.</summary>
    public static string Platform(IStringLocalizer localizer, OnlinePlatform? platform) =>
        platform is { } value ? CodeTexts.Name(localizer, value) : "";

    public static string Role(IStringLocalizer localizer, ProgrammeRole role) => CodeTexts.Name(localizer, role);

    /// <summary>A role as typed in a form or sent (a code; none: a talk); an unknown code as it is.</summary>
    public static string Role(IStringLocalizer localizer, string? code) =>
        string.IsNullOrWhiteSpace(code) ? Role(localizer, ProgrammeRole.Talk)
        : Codes<ProgrammeRole>.TryParse(code, out var role) ? Role(localizer, role) : code;

    /// <summary>"2021-04-16 09:00–11:00", or both dates when the event spans days.</summary>
    public static string Period(DateTime start, DateTime end) =>
        start.Date == end.Date
            ? $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{end.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} – {end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";

    public static Color StatusColor(EventStatus status) => status switch
    {
        EventStatus.Held => Color.Success,
        EventStatus.Confirmed => Color.Info,
        EventStatus.Cancelled => Color.Error,
        _ => Color.Default,
    };
}
