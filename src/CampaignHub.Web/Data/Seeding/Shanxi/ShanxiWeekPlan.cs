using CampaignHub.Web.Domain;
using static CampaignHub.Web.Data.Seeding.Shanxi.ShanxiOrganisations;

namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>The demo's events and campaign-level figures, ready to be stored.</summary>
internal sealed record ShanxiPlan(IReadOnlyList<DemoEvent> Events, IReadOnlyList<DemoEntry> Entries);

/// <summary>
/// Plans the Shanxi 2021 week as the units would have logged it: the narrated events, then as many ordinary
/// events of each kind and channel as the closing table counts beyond them, then the figures. Each metric's sum
/// beyond what the text gives is spread over the events that would carry it (weights from a fixed seed, largest
/// remainders last), so the week's totals equal the table exactly and the same on every start.
/// </summary>
internal static class ShanxiWeekPlan
{
    private const ulong Seed = 20210415;

    private static readonly (int Hour, int Minute)[] OfflineStarts = [(8, 30), (9, 0), (10, 0), (14, 30), (15, 0)];
    private static readonly (int Hour, int Minute)[] OnlineStarts = [(10, 0), (15, 0), (19, 0), (19, 30), (20, 0)];

    private static readonly string[] Communities =
    [
        "太原市迎泽区桥东街道社区", "太原市小店区坞城街道社区", "太原市杏花岭区三墙路社区", "太原市万柏林区千峰街道社区", "太原市尖草坪区柴村街道社区",
    ];

    private static readonly string[] MediaHosts = [.. Newspapers, SocietyAndLawChannel];

    /// <summary>Which ordinary events carry a metric, and how much each tends to (a weight range).</summary>
    private sealed record Carrier(Func<DemoEvent, bool> Matches, int MinWeight, int MaxWeight);

    private static Carrier Of(EventKind kind, EventChannel? channel, int min, int max) =>
        new(e => e.Kind == kind && (channel is null || e.Channel == channel), min, max);

    private static Carrier Broadcasts(string medium, int min, int max) =>
        new(e => e.Kind == EventKind.Broadcast && e.Title.Contains(medium, StringComparison.Ordinal), min, max);

    private const EventChannel Online = EventChannel.Online;
    private const EventChannel Offline = EventChannel.Offline;

    private static readonly Dictionary<string, Carrier[]> EventCarriers = new()
    {
        ["staff_medical"] = [Of(EventKind.FreeClinic, Offline, 1, 3), Of(EventKind.Lecture, Offline, 1, 1)],
        ["staff_scientists"] = [Of(EventKind.Lecture, Online, 1, 1)],
        ["staff_organisers"] = [Of(EventKind.FreeClinic, Offline, 1, 3), Of(EventKind.PatientExchange, Offline, 1, 3)],
        ["staff_backstage"] =
        [
            Of(EventKind.Lecture, Online, 2, 4), Of(EventKind.PatientExchange, Online, 1, 2), Of(EventKind.Broadcast, null, 3, 5),
            Of(EventKind.FreeClinic, Online, 1, 2),
        ],
        ["volunteers"] = [Of(EventKind.FreeClinic, Offline, 1, 4), Of(EventKind.PatientExchange, Offline, 1, 2)],
        ["staff_media"] = [Of(EventKind.MediaInterview, null, 1, 1), Of(EventKind.Broadcast, null, 1, 2)],
        ["books"] = [Of(EventKind.Lecture, Offline, 1, 5), Of(EventKind.PatientExchange, Offline, 1, 4)],
        ["brochures"] = [Of(EventKind.FreeClinic, Offline, 10, 30), Of(EventKind.Lecture, Offline, 5, 15), Of(EventKind.PatientExchange, Offline, 3, 10)],
        ["av_products"] = [Of(EventKind.Lecture, Online, 1, 1)],
        ["patients_benefited"] =
        [
            Of(EventKind.FreeClinic, Offline, 20, 60), Of(EventKind.FreeClinic, Online, 10, 40),
            Of(EventKind.PatientExchange, Offline, 10, 30), Of(EventKind.PatientExchange, Online, 10, 40),
        ],
        ["public_benefited"] = [Of(EventKind.Lecture, Offline, 30, 120), Of(EventKind.Lecture, Online, 50, 300)],
        ["reach_tv"] = [Broadcasts("电视", 1, 3)],
        ["reach_radio"] = [Broadcasts("广播", 1, 3)],
        ["reach_self_media"] = [Of(EventKind.MediaInterview, Online, 1, 3)],
        ["reach_portal"] = [Of(EventKind.MediaInterview, Offline, 1, 3)],
    };

    public static ShanxiPlan Build()
    {
        var random = new DemoRandom(Seed);
        var events = ShanxiNarratedEvents.Create();
        events.AddRange(OrdinaryEvents(events, random));
        var entries = new List<DemoEntry>();
        var week = events.Where(e => ClosingTotals.InWeek(e.Start)).ToList();
        foreach (var (code, sum) in ClosingTotals.Metrics)
        {
            var remaining = sum - week.Sum(e => e.Figures.GetValueOrDefault(code));
            if (remaining < 0)
            {
                throw new InvalidOperationException($"The narrated events already exceed the closing total of {code}.");
            }

            if (EventCarriers.TryGetValue(code, out var carriers))
            {
                SpreadOverEvents(code, remaining, week, carriers, random);
            }
            else
            {
                entries.AddRange(SpreadOverDays(code, remaining, random));
            }
        }

        return new ShanxiPlan(events, entries);
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/>: floors first, then one more to
    /// the largest remainders (ties by position), so the parts always add up to the total exactly.
    /// </summary>
    internal static int[] Distribute(int total, IReadOnlyList<int> weights)
    {
        if (total > 0 && weights.Count == 0)
        {
            throw new InvalidOperationException("Nothing to spread the figure over.");
        }

        long sum = weights.Sum(w => (long)w);
        var parts = new int[weights.Count];
        var given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (int)(total * (long)weights[i] / sum);
            given += parts[i];
        }

        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => total * (long)weights[i] % sum).ThenBy(i => i).Take(total - given))
        {
            parts[i]++;
        }

        return parts;
    }

    /// <summary>Ordinary events: the week's week-day work of every unit, beyond the narrated ones.</summary>
    private static List<DemoEvent> OrdinaryEvents(List<DemoEvent> narrated, DemoRandom random)
    {
        var units = ShanxiUnits.All;
        var week = narrated.Where(e => ClosingTotals.InWeek(e.Start)).ToList();
        var planned = new List<DemoEvent>();
        var slot = 0;
        foreach (var (kind, channel, count) in ClosingTotals.Events)
        {
            var missing = count - week.Count(e => e.Kind == kind && e.Channel == channel);
            if (missing < 0)
            {
                throw new InvalidOperationException($"More narrated {kind} {channel} events than the closing table counts.");
            }

            for (var i = 0; i < missing; i++, slot++)
            {
                // 7 and 25 are coprime: consecutive events go round all 25 units; every 12th is a joint one.
                var unit = units[slot * 7 % units.Count];
                var names = slot % 12 == 5
                    ? new[] { unit.Name, units[(slot * 7 + 1) % units.Count].Name }
                    : new[] { unit.Name };
                planned.Add(Ordinary(kind, channel, i, unit, names, random));
            }
        }

        return planned;
    }

    private static DemoEvent Ordinary(EventKind kind, EventChannel channel, int index, DemoUnit unit, string[] units, DemoRandom random)
    {
        var online = channel == Online;
        var topic = random.Pick(unit.Topics);
        var (hour, minute) = random.Pick(online ? OnlineStarts : OfflineStarts);
        var start = new DateTime(2021, 4, random.Next(15, 21), hour, minute, 0);
        var tv = index % 2 == 1;
        var (title, duration) = kind switch
        {
            EventKind.Lecture => (online ? $"{topic}线上科普讲座" : $"{topic}科普讲座", 90),
            EventKind.FreeClinic => (online ? $"{unit.Short}专家线上义诊" : $"{unit.Short}专家义诊咨询", 180),
            EventKind.PatientExchange => (online ? $"{unit.Short}线上患教交流会" : $"{unit.Short}病友交流会", 120),
            EventKind.MediaInterview => (online ? $"{unit.Short}专家线上访谈：{topic}" : $"{unit.Short}专家谈{topic}（媒体采访）", 60),
            EventKind.Broadcast => (tv ? $"电视健康节目：{topic}" : $"广播健康讲座：{topic}", 30),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var planned = new DemoEvent(title, kind, channel, start, start.AddMinutes(duration), units);
        if (online)
        {
            var (platform, detail) = kind switch
            {
                EventKind.Lecture => random.Pick<(OnlinePlatform, string?)>(
                    [(OnlinePlatform.LiveStream, null), (OnlinePlatform.TencentMeeting, null), (OnlinePlatform.Wechat, null), (OnlinePlatform.Other, "医典通")]),
                EventKind.FreeClinic => random.Pick<(OnlinePlatform, string?)>(
                    [(OnlinePlatform.Hotline, null), (OnlinePlatform.Wechat, null), (OnlinePlatform.Other, "健康山西")]),
                EventKind.PatientExchange => random.Pick<(OnlinePlatform, string?)>([(OnlinePlatform.Wechat, null), (OnlinePlatform.TencentMeeting, null)]),
                _ => (OnlinePlatform.LiveStream, null),
            };
            return planned with { Platform = platform, PlatformDetail = detail };
        }

        const string ward = "山西省肿瘤医院住院部";
        return kind switch
        {
            EventKind.Lecture => random.Next(0, 3) switch
            {
                0 => planned with { Host = CancerHospital, Venue = LectureHall },
                1 => planned with { Host = SouthCampus },
                2 => planned with { Location = random.Pick(Communities) },
                _ => planned with { Host = CancerHospital, Location = ward },
            },
            EventKind.FreeClinic => random.Next(0, 2) switch
            {
                0 => planned with { Host = CancerHospital, Venue = MainOutpatientHall },
                1 => planned with { Host = SouthCampus, Venue = SouthOutpatientHall },
                _ => planned with { Location = random.Pick(Communities) },
            },
            EventKind.PatientExchange => random.Next(0, 1) == 0
                ? planned with { Host = CancerHospital, Venue = LectureHall }
                : planned with { Host = CancerHospital, Location = ward },
            EventKind.MediaInterview => planned with { Host = MediaHosts[index % MediaHosts.Length], Location = "山西省肿瘤医院" },
            _ => tv ? planned with { Host = SocietyAndLawChannel } : planned with { Location = "广播电台直播间" },
        };
    }

    private static void SpreadOverEvents(string code, int total, List<DemoEvent> week, Carrier[] carriers, DemoRandom random)
    {
        // Highlighted events keep exactly the figures their narrative gives.
        var targets = new List<DemoEvent>();
        var taken = new HashSet<DemoEvent>(ReferenceEqualityComparer.Instance);
        var weights = new List<int>();
        foreach (var carrier in carriers)
        {
            foreach (var e in week.Where(e => !e.Highlight && !e.Figures.ContainsKey(code) && carrier.Matches(e) && !taken.Contains(e)))
            {
                targets.Add(e);
                taken.Add(e);
                weights.Add(random.Next(carrier.MinWeight, carrier.MaxWeight));
            }
        }

        var parts = Distribute(total, weights);
        for (var i = 0; i < targets.Count; i++)
        {
            if (parts[i] > 0)
            {
                targets[i].Figures[code] = parts[i];
            }
        }
    }

    /// <summary>Reach of the units' own channels, logged per unit and day rather than per event.</summary>
    private static IEnumerable<DemoEntry> SpreadOverDays(string code, int total, DemoRandom random)
    {
        var (units, days, min, max) = code switch
        {
            "reach_wechat" => (ShanxiUnits.All.Select(c => c.Name).ToArray(), Enumerable.Range(15, 7).ToArray(), 5, 50),
            "reach_douyin" => (new[] { ShanxiUnits.HealthEducation, ShanxiUnits.BreastCancer }, new[] { 15, 21 }, 1, 3),
            _ => throw new InvalidOperationException($"No carriers planned for {code}."),
        };
        var slots = units.SelectMany(c => days.Select(d => (Unit: c, Date: new DateOnly(2021, 4, d)))).ToList();
        var parts = Distribute(total, slots.Select(_ => random.Next(min, max)).ToList());
        return slots.Zip(parts).Where(p => p.Second > 0).Select(p => new DemoEntry(p.First.Unit, p.First.Date, code, p.Second)).ToList();
    }
}
