using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>A person on an event's programme as a report names them.</summary>
public sealed record ReportPerson(
    ProgrammeRole Role, string Name, string? Position, string? Department, string? Affiliation, string? TalkTitle, string? Topic);

/// <summary>
/// One stop of a roadshow series (seed 002): the events that share its series name and stop number (a free clinic
/// and a conference may be logged apart), told together. <see cref="Upcoming"/> is by date alone: a stop that has
/// not yet come is never told as held, whatever its status says.
/// </summary>
public sealed record ReportStop(string Series, int Number, IReadOnlyList<ReportEvent> Events, bool Upcoming)
{
    /// <summary>Patients who benefited: the metric of the stop's free clinic in the source ("近百名患者").</summary>
    public const string PatientsMetric = "patients_benefited";

    public DateOnly Date => DateOnly.FromDateTime(Events.Min(e => e.Start));

    /// <summary>The stop's host: the first of its events that names one.</summary>
    public (string Name, string? NameEn)? Host =>
        Events.Where(e => e.Host is not null).Select(e => e.Host).FirstOrDefault();

    /// <summary>The event that records the handover to the next host, if one does.</summary>
    public ReportEvent? Handover => Events.FirstOrDefault(e => e.NextHost is not null);

    /// <summary>Everyone on the stop's programme, in the order of its events; a person listed twice in one role once.</summary>
    public IReadOnlyList<ReportPerson> People =>
        Events.OrderBy(e => e.Start).ThenBy(e => e.Id).SelectMany(e => e.People).Distinct().ToList();

    /// <summary>The visiting team, its leader first; a member listed on two of the stop's events once.</summary>
    public IReadOnlyList<ReportPerson> Team =>
        People.Where(p => p.Role is ProgrammeRole.TeamLeader or ProgrammeRole.Expert)
            .OrderBy(p => p.Role == ProgrammeRole.TeamLeader ? 0 : 1)
            .DistinctBy(p => p.Name)
            .ToList();

    /// <summary>The team's size: the number given for it, or the members named if more are named.</summary>
    public int TeamSize => Math.Max(Events.Max(e => e.ExpertTeamSize) ?? 0, Team.Count);

    /// <summary>Patients served at the stop, or null when none were logged.</summary>
    public decimal? PatientsServed
    {
        get
        {
            var figures = Events.SelectMany(e => e.Figures).Where(f => f.Code == PatientsMetric).ToList();
            return figures.Count == 0 ? null : figures.Sum(f => f.Value);
        }
    }

    /// <summary>
    /// The stops among <paramref name="events"/>, by series (in the order of their first stop) and number. A series
    /// is a roadshow when its stops are hosted: one whose numbered parts name no host anywhere (the Shanxi week's
    /// online lecture series, 第1期 to 第3期) stays told as its events' section group tells it.
    /// </summary>
    public static IReadOnlyList<ReportStop> Of(IEnumerable<ReportEvent> events, DateOnly today) =>
        events.Where(e => !string.IsNullOrWhiteSpace(e.SeriesName) && e.StopNumber is not null)
            .GroupBy(e => e.SeriesName!.Trim())
            .Where(series => series.Any(e => e.Host is not null))
            .SelectMany(series => series.GroupBy(e => e.StopNumber!.Value)
                .Select(g => new ReportStop(series.Key, g.Key, g.OrderBy(e => e.Start).ThenBy(e => e.Id).ToList(),
                    DateOnly.FromDateTime(g.Min(e => e.Start)) > today)))
            .GroupBy(s => s.Series)
            .OrderBy(series => series.Min(s => s.Date)).ThenBy(series => series.Key, StringComparer.Ordinal)
            .SelectMany(series => series.OrderBy(s => s.Number))
            .ToList();
}

/// <summary>
/// How a report tells a roadshow, in the manner of seed 002: a stop's heading (第一站：庄河市中心医院), its programme
/// in the order of the source's 镜头 (when and where, the visiting team by department and the patients it served, the
/// leaders' speeches, the talks by title, who chaired and who discussed, the handover to the next host), the
/// opening's sentence on each series, and a table of each series' stops. Talk titles are in 《》 in Chinese and in
/// quotes in English. An upcoming stop is told as planned, and marked so.
/// </summary>
public static class RoadshowStory
{
    /// <summary>第一站 / Stop 1.</summary>
    public static string Label(ReportTexts texts, int number) =>
        texts.Format("Report_Stop_Label", StopNumber(texts, number));

    /// <summary>第一站：庄河市中心医院, with （即将举行） for a stop still to come.</summary>
    public static string Heading(ReportTexts texts, ReportStop stop)
    {
        var heading = stop.Host is { } host
            ? texts.Format("Report_Stop_Heading", StopNumber(texts, stop.Number), texts.Name(host.Name, host.NameEn))
            : Label(texts, stop.Number);
        return stop.Upcoming ? heading + texts["Report_Stop_UpcomingMark"] : heading;
    }

    /// <summary>
    /// The stop's programme, one paragraph per part, in the source's order (when and where, the team and the patients
    /// of its free clinic, speeches, talks, sessions, the handover); nothing for a part without data.
    /// </summary>
    public static List<string> Programme(ReportTexts texts, ReportStop stop)
    {
        var lines = new List<string> { When(texts, stop) };
        if (Team(texts, stop) is { } team)
        {
            lines.Add(team);
        }

        if (stop.Upcoming)
        {
            // What is planned for a stop still to come is not told as done.
            return lines;
        }

        // The free clinic opens the day, as the source's first 镜头 does.
        if (stop.PatientsServed is { } patients)
        {
            lines.Add(texts.Plural("Report_Stop_Patients", patients, ReportTexts.Number(patients)));
        }

        var people = stop.People;
        var speeches = people.Where(p => p.Role == ProgrammeRole.Speech).Select(p => Person(texts, p)).ToList();
        if (speeches.Count > 0)
        {
            lines.Add(texts.Plural("Report_Stop_Speeches", speeches.Count, texts.List(speeches, enumeration: true)));
        }

        var talks = people.Where(p => p.Role == ProgrammeRole.Talk).Select(p => Talk(texts, p)).ToList();
        if (talks.Count > 0)
        {
            lines.Add(texts.Format("Report_Stop_Talks", texts.IsEnglish ? texts.Semicolons(talks) : texts.List(talks)));
        }

        var sessions = new List<string>();
        sessions.AddRange(people.Where(p => p.Role == ProgrammeRole.Moderator).Select(p => string.IsNullOrWhiteSpace(p.Topic)
            ? texts.Format("Report_Stop_ModeratorNoTopic", Person(texts, p))
            : texts.Format("Report_Stop_Moderator", Person(texts, p), p.Topic.Trim())));
        sessions.AddRange(people.Where(p => p.Role == ProgrammeRole.Discussant)
            .GroupBy(p => p.Topic?.Trim() ?? "")
            .Select(g => string.IsNullOrEmpty(g.Key)
                ? texts.Format("Report_Stop_DiscussantsNoTopic", texts.List(g.Select(p => Person(texts, p)).ToList(), enumeration: true))
                : texts.Format("Report_Stop_Discussants", texts.List(g.Select(p => Person(texts, p)).ToList(), enumeration: true), g.Key)));
        if (sessions.Count > 0)
        {
            lines.Add(texts.Sentences(sessions));
        }

        if (Handover(texts, stop) is { } handover)
        {
            lines.Add(handover);
        }

        return lines;
    }

    /// <summary>The opening's sentence on a series: its first stop, where and when, and how many stops it has so far.</summary>
    public static string? Opening(ReportTexts texts, IReadOnlyList<ReportStop> stops)
    {
        var sentences = stops.GroupBy(s => s.Series).Select(series =>
        {
            var first = series.OrderBy(s => s.Number).First();
            if (first.Upcoming)
            {
                // A series yet to begin is told by its table and sections, not as opened.
                return null;
            }

            var count = series.Count();
            var date = texts.Date(first.Date);
            return first.Host is { } host
                ? texts.Plural("Report_Opening_Series", count, series.Key, count, date, texts.Name(host.Name, host.NameEn))
                : texts.Plural("Report_Opening_SeriesNoHost", count, series.Key, count, date);
        }).OfType<string>().ToList();
        return sentences.Count == 0 ? null : string.Join(texts.IsEnglish ? " " : "", sentences);
    }

    /// <summary>One table per series: stop, date (upcoming marked), host, patients served, experts.</summary>
    public static List<ReportTable> Tables(ReportTexts texts, IReadOnlyList<ReportStop> stops) =>
        stops.GroupBy(s => s.Series).Select((series, i) => new ReportTable(
                i == 0 ? "series-table" : $"series-table-{i + 1}",
                texts.Format("Report_Table_Series", series.Key),
                [
                    new(texts["Report_Table_Stop"]), new(texts["Report_Table_StopDate"]), new(texts["Report_Table_StopHost"]),
                    new(texts["Report_Table_StopPatients"], true), new(texts["Report_Table_StopExperts"], true),
                ],
                series.Select(s => (IReadOnlyList<string>)
                [
                    Label(texts, s.Number),
                    texts.Date(s.Date) + (s.Upcoming ? texts["Report_Stop_UpcomingMark"] : ""),
                    s.Host is { } host ? texts.Name(host.Name, host.NameEn) : "—",
                    s.PatientsServed is { } patients && !s.Upcoming ? ReportTexts.Number(patients) : "—",
                    s.TeamSize > 0 ? ReportTexts.Number(s.TeamSize) : "—",
                ]).ToList()))
            .ToList();

    /// <summary>"辽宁省肿瘤医院胸外科主任刘宇" in Chinese; "Liu Yu (director, Thoracic Surgery, Liaoning Cancer Hospital)" in English.</summary>
    public static string Person(ReportTexts texts, ReportPerson person, bool withAffiliation = true)
    {
        var affiliation = withAffiliation ? person.Affiliation : null;
        if (!texts.IsEnglish)
        {
            return string.Concat(affiliation, person.Department, person.Position, person.Name);
        }

        var about = new[] { person.Position, person.Department, affiliation }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return about.Count == 0 ? person.Name : $"{person.Name} ({string.Join(", ", about)})";
    }

    private static string When(ReportTexts texts, ReportStop stop)
    {
        var date = texts.Date(stop.Date);
        var host = stop.Host is { } h ? texts.Name(h.Name, h.NameEn) : null;
        var number = StopNumber(texts, stop.Number);
        var key = (stop.Upcoming ? "Report_Stop_Upcoming" : "Report_Stop_Held") + (host is null ? "NoHost" : "");
        return texts.Format(key, date, stop.Series, number, host);
    }

    /// <summary>"由…带队，胸外科、病理科等10名专家组成巡讲专家团队，成员有…"; null when the stop names no team.</summary>
    private static string? Team(ReportTexts texts, ReportStop stop)
    {
        var team = stop.Team;
        if (stop.TeamSize == 0)
        {
            return null;
        }

        var leader = team.FirstOrDefault(p => p.Role == ProgrammeRole.TeamLeader);
        var members = team.Where(p => p != leader).ToList();
        // The team comes from one hospital as a rule: its members are named by department, others with their own.
        var home = team.Where(p => !string.IsNullOrWhiteSpace(p.Affiliation)).GroupBy(p => p.Affiliation!.Trim())
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var departments = team.Select(p => p.Department?.Trim()).OfType<string>().Where(d => d.Length > 0).Distinct().ToList();
        var memberNames = members.Select(p => Person(texts, p, withAffiliation: p.Affiliation?.Trim() != home)).ToList();
        return texts.Format("Report_Stop_Team",
            leader is null ? "" : texts.Format("Report_Stop_TeamLeader", Person(texts, leader)),
            departments.Count == 0 ? "" : texts.Format("Report_Stop_TeamDepartments", texts.List(departments, enumeration: true)),
            ReportTexts.Number(stop.TeamSize),
            memberNames.Count == 0 ? "" : texts.Format("Report_Stop_TeamMembers", texts.List(memberNames, enumeration: true)));
    }

    /// <summary>"辽宁省肿瘤医院胸外科刘宇带来《肺癌质控标准解读及规范化诊疗之路》".</summary>
    private static string Talk(ReportTexts texts, ReportPerson person)
    {
        var who = Person(texts, person);
        if (!string.IsNullOrWhiteSpace(person.TalkTitle))
        {
            return texts.Format("Report_Stop_Talk", who, person.TalkTitle.Trim());
        }

        return string.IsNullOrWhiteSpace(person.Topic)
            ? texts.Format("Report_Stop_TalkUntitled", who)
            : texts.Format("Report_Stop_TalkTopic", who, person.Topic.Trim());
    }

    /// <summary>"会上，庄河市中心医院温准院长与下一站轮值主席单位辽健集团铁煤总医院副院长王国勇举行交接仪式。"</summary>
    private static string? Handover(ReportTexts texts, ReportStop stop)
    {
        if (stop.Handover is not { NextHost: { } next } at)
        {
            return null;
        }

        var host = stop.Host is { } h ? texts.Name(h.Name, h.NameEn) : null;
        var nextHost = texts.Name(next.Name, next.NameEn);
        return texts.Format("Report_Stop_Handover", Side(texts, at.HandoverFrom, host) ?? Label(texts, stop.Number), Side(texts, at.HandoverTo, nextHost));
    }

    /// <summary>A person of an organisation, the organisation named once: 庄河市中心医院温准院长, or "Wen Zhun (Zhuanghe Central Hospital)".</summary>
    private static string? Side(ReportTexts texts, string? person, string? organisation)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            return organisation;
        }

        person = person.Trim();
        if (organisation is null || person.Contains(organisation, StringComparison.Ordinal))
        {
            return person;
        }

        return texts.IsEnglish ? $"{person} ({organisation})" : organisation + person;
    }

    private static string StopNumber(ReportTexts texts, int number) =>
        texts.IsEnglish ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : ChineseNumerals.Of(number);
}
