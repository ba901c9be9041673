using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Writes a new draft from the data, in the manner of the Shanxi summary (seeds/000_e46fe9d50bf54d3b.txt): the
/// title from the organising association and the campaign; an opening with the campaign's own description and aim,
/// its edition, theme, organisers, partner sites and regions in its form's words, the kinds of activity held, a
/// roadshow's first stop and what the campaign achieved (people served, outcomes); one section per section group (or
/// per event without one, or per roadshow stop, as seed 002 tells its stops) in the order of the story; the units
/// named, with examples, in sentences; the awards; the totals; the media that reported. Numbers are written as
/// fields (<see cref="ReportFields"/>), so they stay live; nothing empty is written.
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

        if (source.UnitId is null && Awards(source) is { } awards)
        {
            blocks.Add(new ReportDraftBlock { Kind = ReportDraftBlockKind.Paragraph, Heading = source.Texts["Report_Awards_Heading"], Text = awards });
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
                // Grouped by the group as logged; headed in the report's language (an English report: its English heading).
                Heading = group.Key.StartsWith('\u0001') ? null
                    : group.Select(e => e.SectionHeading(source.Texts)).FirstOrDefault(h => h is not null && (!source.Texts.IsEnglish || !ReportTexts.HasChinese(h))) ?? group.Key,
                EventIds = group.Select(e => e.Id).ToList(),
                // A screening programme reports what each of its screenings found (lung, cervical, breast...): its
                // sections carry their events' figures, which a week's sections leave to the totals.
                ShowFigures = source.Campaign.Form == CampaignForm.ScreeningProgramme && group.Any(e => e.Figures.Count > 0),
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

    /// <summary>
    /// The campaign's description and aim, then its edition, theme, organisers, partner sites and regions, then what
    /// kinds of activity it held, then what it achieved (people served, outcomes). The words follow the campaign's
    /// form: "本届主题为…" for a week, "项目主题为…", "该项目由…主办" for a project.
    /// </summary>
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

        var aim = Pick(texts, campaign.Aim, campaign.AimEn);
        if (aim is not null)
        {
            parts.Add(texts.Sentences([texts.Format(FormKey(texts, "Report_Opening_Aim", campaign.Form), aim.TrimEnd('。', '.'))]));
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
            clauses.Add(texts.Format(FormKey(texts, "Report_Opening_Theme", campaign.Form), theme));
        }

        var organisers = Organisers(texts, campaign).ToList();
        if (texts.IsEnglish && organisers.Count > 1)
        {
            // "Hosted by …", "covering …" are no sentences of their own: they follow who organised it.
            clauses.Add(string.Join(", ", organisers));
        }
        else
        {
            clauses.AddRange(organisers);
        }
        if (source.RollUp is { Campaigns.Count: > 0 } rollUp)
        {
            // A programme names its editions and sub-projects: 2019年乳房再造公益行（第一届）、…
            var campaigns = rollUp.Campaigns.Select(c =>
            {
                var name = texts.Name(c.Name, c.NameEn);
                var edition = texts.IsEnglish ? c.EditionEn : c.Edition;
                return string.IsNullOrWhiteSpace(edition) || name.Contains(edition.Trim(), StringComparison.OrdinalIgnoreCase)
                    ? name
                    : texts.IsEnglish ? $"{name} ({edition.Trim()})" : $"{name}（{edition.Trim()}）";
            }).ToList();
            clauses.Add(texts.Plural("Report_Opening_Campaigns", campaigns.Count, campaigns.Count, texts.List(campaigns, enumeration: true)));
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

        if (Results(source) is { } results)
        {
            parts.Add(results);
        }

        return string.Join(texts.IsEnglish ? " " : "", parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// Who organised it (a week: "…联合…组织开展了系列活动"; a project: "该项目由…共同主办"), who co-organised it,
    /// the partner sites that took part ("联合…等9家医院参与实施") and the regions it covered.
    /// </summary>
    private static IEnumerable<string> Organisers(ReportTexts texts, ReportCampaign campaign)
    {
        var organisers = campaign.Organisers.Select(o => Organisation(texts, texts.Name(o.Name, o.NameEn))).ToList();
        var hostedBy = $"Report_Opening_HostedBy_{Codes<CampaignForm>.Of(campaign.Form)}";
        if (organisers.Count > 0 && texts.Has(hostedBy))
        {
            yield return texts.Format(organisers.Count == 1 ? hostedBy : $"Report_Opening_HostedJointly_{Codes<CampaignForm>.Of(campaign.Form)}",
                texts.List(organisers, enumeration: true));
        }
        else if (organisers.Count == 1)
        {
            yield return texts.Format("Report_Opening_Organised", organisers[0]);
        }
        else if (organisers.Count > 1)
        {
            yield return texts.Format("Report_Opening_OrganisedWith", organisers[0], texts.List(organisers.Skip(1).ToList(), enumeration: true));
        }

        var hosts = campaign.Hosts.Select(o => Organisation(texts, texts.Name(o.Name, o.NameEn))).ToList();
        if (hosts.Count > 0)
        {
            yield return texts.Format("Report_Opening_Hosted", texts.List(hosts, enumeration: true));
        }

        var coOrganisers = campaign.CoOrganisers.Select(o => Organisation(texts, texts.Name(o.Name, o.NameEn))).ToList();
        if (coOrganisers.Count > 0)
        {
            yield return texts.Format("Report_Opening_CoOrganised", texts.List(coOrganisers, enumeration: true));
        }

        if (campaign.PartnerSiteTotal > 0)
        {
            var hospitals = campaign.PartnerSiteKind == OrganisationKind.Hospital
                            || (campaign.PartnerSiteKind is null && campaign.PartnerSites.Count > 0
                                && campaign.PartnerSites.All(p => p.Kind is OrganisationKind.Hospital or OrganisationKind.Campus));
            var count = texts.Plural(hospitals ? "Report_PartnerSites_Hospitals" : "Report_PartnerSites_Sites", campaign.PartnerSiteTotal, campaign.PartnerSiteTotal);
            var named = campaign.PartnerSites.Take(MaxNamedInOpening).Select(p => texts.Name(p.Name, p.NameEn)).ToList();
            yield return named.Count == 0
                ? texts.Format("Report_Opening_PartnerSites", count)
                : texts.Format("Report_Opening_PartnerSitesNamed", count, texts.List(named, enumeration: true));
        }

        if (campaign.Regions.Count > 0)
        {
            var count = texts.Plural("Report_Regions_Count", campaign.Regions.Count, campaign.Regions.Count);
            var named = campaign.Regions.Take(MaxNamedInOpening).Select(r => texts.Name(r.Name, r.NameEn)).ToList();
            yield return texts.Format("Report_Opening_Regions", count, texts.List(named, enumeration: true));
        }
    }

    /// <summary>Names the opening lists at most; the tables list them all.</summary>
    private const int MaxNamedInOpening = 12;

    /// <summary>
    /// What the campaign achieved, as fields: the people served and each outcome's value ("服务17326人，1个月后成功戒烟率
    /// 47.8%"). A unit's own report names only the outcomes computed from its figures. Null when there is nothing to say.
    /// </summary>
    public static string? Results(ReportSource source)
    {
        var texts = source.Texts;
        var clauses = new List<string>();
        var outcomes = source.Results.Outcomes.Where(o => source.UnitId is null || o.Kind == OutcomeKind.Computed).ToList();
        // A week's people served are its totals paragraph's, as in the Shanxi summary; a project leads its results with them.
        var saysServed = outcomes.Count > 0 || source.Campaign.Form != CampaignForm.PreventionWeek;
        if (saysServed && source.Fields.TryGet(ReportFields.Served, out var served) && served > 0)
        {
            clauses.Add(texts.Format(FormKey(texts, "Report_Opening_Served", source.Campaign.Form), ReportFields.Served));
        }

        foreach (var outcome in outcomes)
        {
            // The rate follows its name as the source writes it: 1个月后成功戒烟率47.8%; "… was 47.8%" in English.
            var name = texts.Name(outcome.Name, outcome.NameEn);
            var rate = $"{Bound(texts, outcome.Bound)}{ReportFields.Outcome(outcome.Id)}%";
            clauses.Add(texts.IsEnglish ? $"{name} was {rate}" : name + rate);
        }

        return clauses.Count == 0 ? null : texts.Sentences(clauses);
    }

    /// <summary>"超过" for a rate stated as more than, "约" for about; nothing for an exact one.</summary>
    public static string Bound(ReportTexts texts, OutcomeBound bound) =>
        bound == OutcomeBound.Exact ? "" : texts[$"Report_Bound_{Codes<OutcomeBound>.Of(bound)}"];

    /// <summary>
    /// The awards, all named in the lead ("共设立3个奖项——“控烟大使”、“控烟先锋”、“控烟卫士”"), then one sentence for
    /// each whose recipients are known: "评选出7位“控烟大使”", "“戒烟大使”授予王先生（北京朝阳医院戒烟门诊）". Null
    /// when the campaign gave none.
    /// </summary>
    public static string? Awards(ReportSource source)
    {
        var texts = source.Texts;
        var awards = source.Campaign.Awards;
        if (awards.Count == 0)
        {
            return null;
        }

        var names = awards.Select(a => $"“{texts.Name(a.Name, a.NameEn)}”").ToList();
        var sentences = new List<string> { texts.Plural("Report_Awards_Lead", awards.Count, awards.Count, texts.List(names, enumeration: true)) };
        foreach (var award in awards.Where(a => a.Total > 0))
        {
            var name = texts.Name(award.Name, award.NameEn);
            var recipients = award.Recipients.Select(r =>
            {
                var organisation = Pick(texts, r.Organisation, r.OrganisationEn);
                var person = texts.Name(r.Name, r.NameEn);
                return organisation is null ? person : texts.IsEnglish ? $"{person} ({organisation})" : $"{person}（{organisation}）";
            }).ToList();
            var sentence = recipients.Count == 0
                ? texts.Plural("Report_Awards_Counted", award.Total, award.Total, name)
                : award.Total > recipients.Count
                    ? texts.Format("Report_Awards_NamedAmong", name, texts.List(recipients, enumeration: true), award.Total)
                    : texts.Format("Report_Awards_Named", name, texts.List(recipients, enumeration: true));
            if (award.EventTitle is not null)
            {
                sentence = texts.Format("Report_Awards_AtEvent", texts.Name(award.EventTitle, award.EventTitleEn), sentence);
            }

            sentences.Add(sentence);
        }

        return texts.Sentences(sentences);
    }

    /// <summary>The text of <paramref name="key"/> for the campaign's form where it has its own ("…_project"), else the common one.</summary>
    private static string FormKey(ReportTexts texts, string key, CampaignForm form) =>
        texts.Has($"{key}_{Codes<CampaignForm>.Of(form)}") ? $"{key}_{Codes<CampaignForm>.Of(form)}" : key;

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
        // "运用线上线下相结合的方式" only when both channels were used; one unit is named, not counted ("等1个科室").
        var key = names.Count == 1 ? "Report_Units_LeadSingle" : online > 0 && offline > 0 ? "Report_Units_Lead" : "Report_Units_LeadOneChannel";
        var lead = association is null
            ? texts.Format(key + "NoOrg", texts.List(names, enumeration: true), ReportFields.Units, ReportFields.Events())
            : texts.Format(key, Organisation(texts, association), texts.List(names, enumeration: true), ReportFields.Units, ReportFields.Events());
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
