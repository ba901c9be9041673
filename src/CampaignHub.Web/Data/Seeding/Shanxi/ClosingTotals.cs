using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>
/// The closing paragraph of the 2021 Shanxi summary (seeds/README.md, "The closing totals"): what the demo's logged
/// data must add up to over 2021-04-15..21. Only the seeding plan reads it; totals are always counted from data.
/// </summary>
internal static class ClosingTotals
{
    public static DateOnly WeekStart { get; } = new(2021, 4, 15);

    public static DateOnly WeekEnd { get; } = new(2021, 4, 21);

    /// <summary>Events counted in the table, by kind and channel.</summary>
    public static IReadOnlyList<(EventKind Kind, EventChannel Channel, int Count)> Events { get; } =
    [
        (EventKind.MediaInterview, EventChannel.Online, 7),
        (EventKind.Broadcast, EventChannel.Online, 2),
        (EventKind.Lecture, EventChannel.Online, 45),
        (EventKind.FreeClinic, EventChannel.Online, 19),
        (EventKind.PatientExchange, EventChannel.Online, 45),
        (EventKind.MediaInterview, EventChannel.Offline, 85),
        (EventKind.Broadcast, EventChannel.Offline, 3),
        (EventKind.Lecture, EventChannel.Offline, 86),
        (EventKind.FreeClinic, EventChannel.Offline, 80),
        (EventKind.PatientExchange, EventChannel.Offline, 64),
    ];

    /// <summary>Metric code → the week's sum.</summary>
    public static IReadOnlyList<(string Code, int Sum)> Metrics { get; } =
    [
        ("staff_medical", 543),
        ("staff_scientists", 23),
        ("staff_organisers", 73),
        ("staff_backstage", 144),
        ("volunteers", 162),
        ("staff_media", 13),
        ("books", 380),
        ("brochures", 2542),
        ("av_products", 11),
        ("patients_benefited", 4083),
        ("public_benefited", 11386),
        ("reach_tv", 2010),
        ("reach_radio", 22500),
        ("reach_self_media", 1625),
        ("reach_portal", 700),
        ("reach_douyin", 40),
        ("reach_wechat", 38171),
    ];

    public static bool InWeek(DateTime start) => DateOnly.FromDateTime(start) is var day && day >= WeekStart && day <= WeekEnd;
}
