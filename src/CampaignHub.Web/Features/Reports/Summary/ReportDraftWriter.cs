using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Writes a new draft from the data, in the manner of the Shanxi summary (seeds/000_e46fe9d50bf54d3b.txt): the
/// title from the organising association and the campaign; an opening with the campaign's own description, its
/// edition, theme and organisers, the kinds of activity held and a roadshow's first stop; one section per section
/// group (or per event without one, or per roadshow stop, as seed 002 tells its stops) in the order of the story; the units named, with examples, in sentences; the totals; the
/// media that reported. Numbers are written as fields (<see cref="ReportFields"/>), so they stay live; nothing
/// empty is written.
/// </summary>
public static class ReportDraftWriter
{
    /// <summary>The kinds in the order a summary names them, the ceremonies first; "other" is never named.</summary>
    private static readonly EventKind[] KindOrder =
    [
        EventKind.LaunchCeremony, EventKind.FreeClinic, EventKind.Lecture, EventKind.Screening, EventKind.PatientExchange,
        EventKind.VolunteerService, EventKind.MaterialDistribution, EventKind.Performance, EventKind.Training,
        EventKind.Conference, EventKind.MediaInterview, EventKind.Broadcast, EventKind.Award,
    ];

    public static string Title(ReportSource source)
    {
        var texts = source.Texts;
        var campaign = CampaignPhrase(texts, source.Campaign);
        var association = Association(source);
        // A campaign named after its organiser ("山西省抗癌协会…") is not prefixed again.
        if (association is not null && campaign.Contains(association, StringComparison.Ordinal))
        {
            association = null;
        }

        return (association, source.Unit) switch
        {
            (null, null) => texts.Format("Report_Title", campaign),
            (null, { } unit) => texts.Format("Report_TitleUnit", campaign, unit),
            ({ } by, null) => texts.Format("Report_TitleBy", by, campaign),
            ({ } by, { } unit) => texts.Format("Report_TitleByUnit", by, campaign, unit),
        };
    }

    public static List<ReportDraftBlock> Blocks(ReportSource source)
    {
        var blocks = new List<ReportDraftBlock> { new() { Kind = ReportDraftBlockKind.Opening, Text = Opening(source) } };
        var sections = Sections(source).ToList();
        blocks.AddRange(sections.Take(SummaryReportService.MaxSections));
        if (sections.Count > SummaryReportService.MaxSections)
        {
            // Said in the draft, where the author can see it, add sections, or delete the note.
            var more = sections.Skip(SummaryReportService.MaxSections).Sum(s => s.EventIds.Count);
            blocks.Add(new ReportDraftBlock
            {
                Kind = ReportDraftBlockKind.Paragraph,
                Text = source.Texts.Format("Report_Sections_More", more, sections.Take(SummaryReportService.MaxSections).Sum(s => s.EventIds.Count)),
            });
        }

        if (source.UnitId is null && Units(source) is { } units)
        {
            blocks.Add(new ReportDraftBlock { Kind = ReportDraftBlockKind.Units, Heading = source.Texts["Report_Units_Heading"], Text = units });
        }

        blocks.Add(new ReportDraftBlock { Kind = ReportDraftBlockKind.Totals });
        if (Closing(source) is { } closing)
        {
            blocks.Add(new ReportDraftBlock { Kind = ReportDraftBlockKind.Closing, Text = closing });
        }

        return blocks;
    }

    /// <summary>
    /// The story's events grouped by their section group, groups in the order of their first event; an event
    /// without a group is a section of its own, in its place by date. A roadshow stop is one section of all its
    /// events (free clinic and conference alike), told with its programme, in its place by date.
    /// </summary>
    public static IEnumerable<ReportDraftBlock> Sections(ReportSource source)
    {
        var inStops = source.Stops.SelectMany(s => s.Events).Select(e => e.Id).ToHashSet();
        var groups = source.Story.Where(id => !inStops.Contains(id)).Select(id => source.Events[id])
            .OrderBy(e => e.Start).ThenBy(e => e.Id)
            .GroupBy(e => string.IsNullOrWhiteSpace(e.SectionGroup) ? $"\u0001{e.Id}" : e.SectionGroup.Trim())
            .Select(group => (First: group.First(), Block: new ReportDraftBlock
            {
                Kind = ReportDraftBlockKind.Section,
                Heading = group.Key.StartsWith('\u0001') ? null : group.Key,
                EventIds = group.Select(e => e.Id).ToList(),
                ShowPhotos = true,
            }));
        // The heading is left to the report, which names the stop and its host as they are then.
        var stops = source.Stops.Select(stop => (First: stop.Events[0], Block: new ReportDraftBlock
        {
            Kind = ReportDraftBlockKind.Section,
            EventIds = stop.Events.Select(e => e.Id).ToList(),
            ShowProgramme = true,
            ShowPhotos = true,
        }));
        return groups.Concat(stops).OrderBy(s => s.First.Start).ThenBy(s => s.First.Id).Select(s => s.Block);
    }

    /// <summary>The campaign's description, then its edition, theme and organisers, then what kinds of activity it held.</summary>
    public static string Opening(ReportSource source)
    {
        var texts = source.Texts;
        var campaign = source.Campaign;
        var parts = new List<string>();
        var description = Pick(texts, campaign.Description, campaign.DescriptionEn);
        if (description is not null)
        {
            parts.Add(EndSentence(texts, description));
        }

        var clauses = new List<string>();
        var edition = texts.IsEnglish ? campaign.EditionEn : campaign.Edition;
        if (!string.IsNullOrWhiteSpace(edition))
        {
            clauses.Add(texts.Format("Report_Opening_Edition", edition.Trim()));
        }

        var theme = Pick(texts, campaign.Theme, campaign.ThemeEn);
        if (theme is not null)
        {
            clauses.Add(texts.Format("Report_Opening_Theme", theme));
        }

        var organisers = campaign.Organisers.Select(o => Organisation(texts, texts.Name(o.Name, o.NameEn))).ToList();
        if (organisers.Count == 1)
        {
            clauses.Add(texts.Format("Report_Opening_Organised", organisers[0]));
        }
        else if (organisers.Count > 1)
        {
            clauses.Add(texts.Format("Report_Opening_OrganisedWith", organisers[0], texts.List(organisers.Skip(1).ToList(), enumeration: true)));
        }

        var kinds = KindOrder.Where(source.KindsHeld.Contains).Select(k => texts[$"Report_Kind_{Codes<EventKind>.Of(k)}"]).ToList();
        if (kinds.Count > 0)
        {
            clauses.Add(texts.Format("Report_Opening_Kinds", texts.List(kinds, enumeration: true)));
        }

        if (clauses.Count > 0)
        {
            // Chinese runs the clauses on as one sentence, as the source does; English gives each its own.
            parts.Add(texts.IsEnglish ? texts.Sentences(clauses) : texts.Sentences(clauses.Take(clauses.Count - (kinds.Count > 0 ? 1 : 0)).ToList())
                + (kinds.Count > 0 ? texts.Sentences([clauses[^1]]) : ""));
        }

        if (RoadshowStory.Opening(texts, source.Stops) is { } series)
        {
            parts.Add(series);
        }

        return string.Join(texts.IsEnglish ? " " : "", parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// The units that took part, named, how much they did (as fields), and the busiest ones as examples. Null
    /// when no unit did anything in the period.
    /// </summary>
    public static string? Units(ReportSource source)
    {
        var texts = source.Texts;
        var active = source.Statistics.Units.Where(c => c.Events > 0 || c.PeopleServed > 0).ToList();
        if (active.Count == 0)
        {
            return null;
        }

        // In the source's order of the list: the units by id (as the association registered them).
        var names = active.OrderBy(c => c.UnitId).Select(c => ShortName(texts, texts.Name(c.Name, c.NameEn))).ToList();
        var totals = source.Statistics.Totals;
        var online = totals.Events.Values.Sum(c => c.Online);
        var offline = totals.Events.Values.Sum(c => c.Offline);
        var association = Association(source);
        var lead = association is null
            ? texts.Format("Report_Units_LeadNoOrg", texts.List(names, enumeration: true), ReportFields.Units, ReportFields.Events())
            : texts.Format("Report_Units_Lead", Organisation(texts, association), texts.List(names, enumeration: true), ReportFields.Units, ReportFields.Events());
        if (online > 0 && offline > 0)
        {
            lead += (texts.IsEnglish ? ", " : "，")
                    + texts.Format("Report_Units_Channels", ReportFields.Events(channel: EventChannel.Online), ReportFields.Events(channel: EventChannel.Offline));
        }

        var sentences = new List<string> { texts.Sentences([lead]) };
        var busiest = active.Where(c => c.Events > 0).OrderByDescending(c => c.Events).ThenByDescending(c => c.PeopleServed).ThenBy(c => c.UnitId).Take(3).ToList();
        if (busiest.Count > 1 || (busiest.Count == 1 && active.Count > 1))
        {
            var items = busiest.Select(c => texts.Format("Report_Units_BusiestItem", texts.Name(c.Name, c.NameEn), ReportFields.UnitEvents(c.UnitId))).ToList();
            sentences.Add(texts.Sentences([texts.Format("Report_Units_Busiest", texts.List(items, enumeration: true))]));
        }

        var served = active.Where(c => c.PeopleServed > 0).OrderByDescending(c => c.PeopleServed).ThenBy(c => c.UnitId).Take(2).ToList();
        if (served.Count > 0 && active.Count > 1)
        {
            var items = served.Select(c => texts.Format("Report_Units_MostServedItem", texts.Name(c.Name, c.NameEn), ReportFields.UnitServed(c.UnitId))).ToList();
            sentences.Add(texts.Sentences([texts.Format("Report_Units_MostServed", texts.List(items, enumeration: true))]));
        }

        return string.Join(texts.IsEnglish ? " " : "", sentences);
    }

    /// <summary>The media that reported, from the campaign's field; null when it names none.</summary>
    public static string? Closing(ReportSource source)
    {
        var texts = source.Texts;
        var media = Pick(texts, source.Campaign.ReportingMedia, source.Campaign.ReportingMediaEn);
        if (media is null)
        {
            return null;
        }

        var names = media.Split(['、', '，', ',', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return names.Count switch
        {
            0 => null,
            1 => texts.Format("Report_Closing_One", names[0]),
            _ => texts.Format("Report_Closing", texts.List(names, enumeration: true)),
        };
    }

    /// <summary>The campaign as the title and sentences name it: "the 27th National Cancer Prevention Week" in English.</summary>
    public static string CampaignPhrase(ReportTexts texts, ReportCampaign campaign)
    {
        if (!texts.IsEnglish)
        {
            return campaign.Name;
        }

        var name = string.IsNullOrWhiteSpace(campaign.NameEn) ? campaign.Name : campaign.NameEn.Trim();
        if (!string.IsNullOrWhiteSpace(campaign.EditionEn) && !name.Contains(campaign.EditionEn.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            name = $"{campaign.EditionEn.Trim()} {name}";
        }

        // An ordinal needs its article: "the 27th ...", never "27th ..." alone.
        return char.IsDigit(name[0]) ? "the " + name : name;
    }

    /// <summary>The organising association: the first organiser.</summary>
    private static string? Association(ReportSource source) =>
        source.Campaign.Organisers.Count == 0 ? null : source.Texts.Name(source.Campaign.Organisers[0].Name, source.Campaign.Organisers[0].NameEn);

    /// <summary>An organisation as a sentence names it: "the Shanxi Anti-Cancer Association" in English.</summary>
    private static string Organisation(ReportTexts texts, string name) =>
        texts.IsEnglish && !name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !ReportTexts.HasChinese(name) ? "the " + name : name;

    /// <summary>
    /// A committee in a list of committees: 肺癌 for 肺癌专委会, as the source lists them after "…等25个专委会";
    /// "Lung Cancer" for "Lung Cancer Committee". Other kinds keep their names: 乳房再造科 is not shortened.
    /// </summary>
    private static string ShortName(ReportTexts texts, string name)
    {
        if (texts.UnitKind != UnitKind.Committee)
        {
            return name;
        }

        foreach (var suffix in texts.IsEnglish ? new[] { " Committee" } : ["专业委员会", "专委会"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string? Pick(ReportTexts texts, string? text, string? english)
    {
        var value = texts.IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : text;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string EndSentence(ReportTexts texts, string text) =>
        text.EndsWith('。') || text.EndsWith('.') || text.EndsWith('！') || text.EndsWith('!') ? text : text + (texts.IsEnglish && !ReportTexts.HasChinese(text) ? "." : "。");
}
