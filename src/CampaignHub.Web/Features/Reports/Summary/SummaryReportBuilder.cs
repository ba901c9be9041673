using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Makes the document from a draft's blocks and the data: fields evaluated, sections told from their events (left
/// out when nothing is left to tell), headings numbered, then the tables and charts of the period. Everything empty
/// is left out rather than printed as "none". Text without an English version in an English report is marked and
/// listed for the translator.
/// </summary>
public static class SummaryReportBuilder
{
    public const int MaxPhotosPerSection = 4;

    /// <summary>The photos of each event that a report may embed, and the notes on those it could not.</summary>
    public sealed record EventPhotos(IReadOnlyList<ReportPhoto> Photos, IReadOnlyList<string> Notes);

    public static SummaryReport Build(
        ReportSource source, int? draftId, string title, IReadOnlyList<ReportDraftBlock> blocks,
        IReadOnlyDictionary<int, EventPhotos> photos, DateTime generatedAt)
    {
        var context = new Context(source);
        var body = new List<ReportBlock>();
        var number = 0;
        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case ReportDraftBlockKind.Opening:
                    AddText(body, context, ReportTextKind.Opening, null, null, block.Text, source.Texts["Report_Block_Opening"]);
                    break;
                case ReportDraftBlockKind.Units:
                case ReportDraftBlockKind.Paragraph:
                {
                    var kind = block.Kind == ReportDraftBlockKind.Units ? ReportTextKind.Units : ReportTextKind.Paragraph;
                    var heading = string.IsNullOrWhiteSpace(block.Heading) ? null : block.Heading.Trim();
                    if (Paragraphs(block.Text).Count > 0)
                    {
                        var label = heading ?? source.Texts[kind == ReportTextKind.Units ? "Report_Units_Heading" : "Report_Block_Paragraph"];
                        AddText(body, context, kind, heading is null ? null : source.Texts.SectionNumber(++number), heading, block.Text, label);
                    }

                    break;
                }

                case ReportDraftBlockKind.Section:
                    if (Section(context, block, photos, source.Texts.SectionNumber(number + 1)) is { } section)
                    {
                        number++;
                        body.Add(section);
                    }

                    break;
                case ReportDraftBlockKind.Totals:
                    if (Totals(source) is { } totals)
                    {
                        body.Add(new ReportTextBlock(ReportTextKind.Totals, null, ReportParagraph.Of(source.Texts["Report_Totals_Heading"]), [ReportParagraph.Of(totals)]));
                    }

                    // What was done, then what is still to come: an upcoming event is never counted as done.
                    if (Upcoming(source) is { } upcoming)
                    {
                        body.Add(new ReportTextBlock(ReportTextKind.Upcoming, null, null, [ReportParagraph.Of(upcoming)]));
                    }

                    break;

                case ReportDraftBlockKind.Closing:
                    AddText(body, context, ReportTextKind.Closing, null, null, block.Text, source.Texts["Report_Block_Closing"]);
                    break;
            }
        }

        if (source.ApprovalNote is { } note)
        {
            var opening = body.FindIndex(b => b is ReportTextBlock { Kind: ReportTextKind.Opening });
            body.Insert(opening + 1, new ReportTextBlock(ReportTextKind.Note, null, null, [ReportParagraph.Of(note)]));
        }

        var tables = Tables(source, context);
        return new SummaryReport(
            source.CampaignId, source.UnitId, draftId, source.From, source.To, source.Texts.Language,
            title, source.Texts.Name(source.Campaign.Name, source.Campaign.NameEn), source.Unit, source.Texts.UnitKind,
            body, tables, Charts(source), source.Statistics,
            context.Gaps.DistinctBy(g => (g.Where, g.Text)).ToList(), context.Unknown.Distinct().ToList(), generatedAt);
    }

    /// <summary>The totals paragraph of the period, saying that it counts the period; null when nothing was logged.</summary>
    public static string? Totals(ReportSource source)
    {
        var texts = source.Texts;
        var stats = source.Statistics;
        if (stats.Totals.EventCount == 0 && stats.Metrics.All(m => m.Value == 0))
        {
            return null;
        }

        var paragraph = SummaryReportWriter.Totals(texts, stats);
        return texts.Format("Report_Totals_Lead", texts.IsEnglish && paragraph.Length > 0 ? char.ToLowerInvariant(paragraph[0]) + paragraph[1..] : paragraph);
    }

    /// <summary>
    /// "即将举行：4月27日 县域肿瘤防治中心规范化巡讲（第2站，某县人民医院）；……" — the period's events that have not
    /// started yet, a roadshow's next stop with its host; null when there are none.
    /// </summary>
    public static string? Upcoming(ReportSource source)
    {
        var texts = source.Texts;
        if (source.Upcoming.Count == 0)
        {
            return null;
        }

        var items = source.Upcoming.Select(e =>
        {
            var details = new List<string>();
            if (e.StopNumber is { } stop)
            {
                details.Add(texts.Format("Report_Upcoming_Stop", stop));
            }

            var place = texts.IsEnglish && !string.IsNullOrWhiteSpace(e.PlaceEn) ? e.PlaceEn : e.Place;
            if (!string.IsNullOrWhiteSpace(place))
            {
                details.Add(place.Trim());
            }

            var title = texts.Name(e.Title, e.TitleEn);
            var named = details.Count == 0 ? title
                : texts.IsEnglish ? $"{title} ({string.Join(", ", details)})" : $"{title}（{string.Join("，", details)}）";
            return $"{texts.Date(DateOnly.FromDateTime(e.Start))}{(texts.IsEnglish ? ", " : " ")}{named}";
        }).ToList();
        var more = source.Statistics.Totals.Upcoming - source.Upcoming.Count;
        if (more > 0)
        {
            items.Add(texts.Plural("Report_Upcoming_More", more, more));
        }

        return texts.Format("Report_Upcoming", texts.Semicolons(items));
    }

    private static void AddText(List<ReportBlock> body, Context context, ReportTextKind kind, string? number, string? heading, string? text, string where)
    {
        var paragraphs = Paragraphs(text).Select(p => context.Runs(p, where)).ToList();
        if (paragraphs.Count > 0)
        {
            body.Add(new ReportTextBlock(kind, number, heading is null ? null : context.Runs(heading, where, fields: false), paragraphs));
        }
    }

    private static ReportSection? Section(Context context, ReportDraftBlock block, IReadOnlyDictionary<int, EventPhotos> photos, string number)
    {
        var source = context.Source;
        var texts = source.Texts;
        var events = block.EventIds.Distinct().Select(id => source.Events.GetValueOrDefault(id)).OfType<ReportEvent>().ToList();
        if (events.Count == 0 && Paragraphs(block.Text).Count == 0)
        {
            return null;
        }

        // The roadshow stops the section tells; a section of one stop's events is headed by the stop and its host.
        var ids = events.Select(e => e.Id).ToHashSet();
        var stops = source.Stops.Where(s => s.Events.Any(e => ids.Contains(e.Id))).ToList();
        var oneStop = stops.Count == 1 && events.All(e => stops[0].Events.Any(s => s.Id == e.Id)) ? stops[0] : null;
        var headingText = !string.IsNullOrWhiteSpace(block.Heading) ? block.Heading.Trim()
            : oneStop is not null ? RoadshowStory.Heading(texts, oneStop)
            : events.Count == 1 ? texts.Name(events[0].Title, events[0].TitleEn)
            : events.Select(e => e.SectionHeading(texts)).FirstOrDefault(g => g is not null) ?? texts.Name(events[0].Title, events[0].TitleEn);
        var where = number + (texts.IsEnglish ? " " : "") + headingText;
        var heading = context.Runs(headingText, where, fields: false);

        var facts = block.ShowFacts ? events.Select(e => context.Runs(Facts(texts, e), where, fields: false)).ToList() : [];
        List<ReportParagraph> story;
        if (block.Text is not null)
        {
            story = Paragraphs(block.Text).Select(p => context.Runs(p, where)).ToList();
        }
        else
        {
            // Events of one group often share the sentence that tells them all: it is told once. A stop told with its
            // programme says when, who and where there; only the narratives written for its events are added.
            var programmed = block.ShowProgramme ? stops.SelectMany(s => s.Events).Select(e => e.Id).ToHashSet() : [];
            story = events.SelectMany(e => Paragraphs(programmed.Contains(e.Id) ? WrittenNarrative(texts, e) : Narrative(texts, e)))
                .Distinct(StringComparer.Ordinal)
                .Select(p => context.Runs(p, where, fields: false))
                .ToList();
        }

        var figures = !block.ShowFigures ? [] : events
            .Select(e => (Event: e, Line: SummaryReportWriter.EventFigures(texts, e.Figures)))
            .Where(x => x.Line is not null)
            .Select(x => context.Runs(events.Count == 1 ? x.Line! : $"{texts.Name(x.Event.Title, x.Event.TitleEn)}{(texts.IsEnglish ? " — " : "——")}{x.Line}", where, fields: false))
            .ToList();

        var programme = block.ShowProgramme
            ? stops.SelectMany(stop => RoadshowStory.Programme(texts, stop)).Select(p => context.Runs(p, where, fields: false)).ToList()
            : [];

        var embedded = new List<ReportPhoto>();
        var notes = new List<string>();
        if (block.ShowPhotos)
        {
            foreach (var e in events)
            {
                if (photos.TryGetValue(e.Id, out var found))
                {
                    embedded.AddRange(found.Photos);
                    notes.AddRange(found.Notes);
                }
            }
        }

        if (story.Count == 0 && programme.Count == 0 && figures.Count == 0 && facts.Count == 0 && embedded.Count == 0)
        {
            return null;
        }

        return new ReportSection(number, heading, events.Select(e => e.Id).ToList(), facts, story, figures,
            embedded.Take(MaxPhotosPerSection).ToList(), notes)
        {
            Programme = programme,
        };
    }

    /// <summary>The narrative written for the event, in the report's language when there is one; null without.</summary>
    private static string? WrittenNarrative(ReportTexts texts, ReportEvent e) =>
        texts.IsEnglish && !string.IsNullOrWhiteSpace(e.NarrativeEn) ? e.NarrativeEn
        : string.IsNullOrWhiteSpace(e.Narrative) ? null : e.Narrative;

    /// <summary>The event's narrative in the report's language; without one, a sentence of when, who, what and where.</summary>
    private static string Narrative(ReportTexts texts, ReportEvent e)
    {
        if (WrittenNarrative(texts, e) is { } narrative)
        {
            return narrative;
        }

        var units = texts.List(e.Units.Select(c => texts.Name(c.Name, c.NameEn)).ToList(), enumeration: true);
        var title = texts.Name(e.Title, e.TitleEn);
        var place = texts.IsEnglish && !string.IsNullOrWhiteSpace(e.PlaceEn) ? e.PlaceEn : e.Place;
        return string.IsNullOrWhiteSpace(place)
            ? texts.Format("Report_Event_Told", texts.Date(DateOnly.FromDateTime(e.Start)), units, title)
            : texts.Format("Report_Event_ToldAt", texts.Date(DateOnly.FromDateTime(e.Start)), units, title, place);
    }

    /// <summary>"2021年4月15日 09:00–11:30 · 义诊/咨询 · 线下 · 本院区门诊大厅 · 乳腺癌专委会".</summary>
    private static string Facts(ReportTexts texts, ReportEvent e)
    {
        var place = texts.IsEnglish && !string.IsNullOrWhiteSpace(e.PlaceEn) ? e.PlaceEn : e.Place;
        var platform = e.Platform is { } p ? texts[$"OnlinePlatform_{Codes<OnlinePlatform>.Of(p)}"] : null;
        string?[] facts =
        [
            When(texts, e.Start, e.End),
            texts[$"EventKind_{Codes<EventKind>.Of(e.Kind)}"] + " · " + texts[$"EventChannel_{Codes<EventChannel>.Of(e.Channel)}"],
            string.Join(" ", new[] { platform, e.PlatformDetail }.Where(s => !string.IsNullOrWhiteSpace(s))),
            place,
            texts.List(e.Units.Select(c => texts.Name(c.Name, c.NameEn)).ToList(), enumeration: true),
        ];
        return string.Join(" · ", facts.Where(f => !string.IsNullOrWhiteSpace(f)));
    }

    private static string When(ReportTexts texts, DateTime start, DateTime end)
    {
        var startDay = DateOnly.FromDateTime(start);
        var endDay = DateOnly.FromDateTime(end);
        return startDay == endDay
            ? $"{texts.Date(startDay)} {start:HH\\:mm}–{end:HH\\:mm}"
            : $"{texts.Date(startDay)} {start:HH\\:mm} – {texts.Date(endDay)} {end:HH\\:mm}";
    }

    /// <summary>Lines of a text, trimmed, blank ones dropped.</summary>
    public static List<string> Paragraphs(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static List<ReportTable> Tables(ReportSource source, Context context)
    {
        var texts = source.Texts;
        var stats = source.Statistics;
        // A roadshow's stops first: the table its report is read for.
        var tables = RoadshowStory.Tables(texts, source.Stops);
        foreach (var table in tables)
        {
            context.Gap(table.Caption, table.Caption);
            foreach (var row in table.Rows)
            {
                context.Gap(table.Caption, row[2]);
            }
        }

        if (source.RollUp is { } rollUp)
        {
            tables.AddRange(ProgrammeTables(texts, rollUp));
        }

        // The previous period and a year earlier beside the period's own figures, each only when it has any.
        var compared = stats.Totals.Comparisons;
        var comparedColumns = compared.Select(c => new ReportColumn(ComparedHeader(texts, stats.Totals, c), true)).ToList();
        var metrics = stats.Metrics.Where(m => m.Value != 0 || compared.Any(c => c.Metrics.GetValueOrDefault(m.Code) != 0)).ToList();
        if (metrics.Count > 0)
        {
            tables.Add(new ReportTable("metrics-table", texts["Report_Table_Metrics"],
                [new(texts["Report_Table_Group"]), new(texts["Report_Table_Indicator"]), new(texts["Report_Table_Value"], true), .. comparedColumns, new(texts["Report_Table_Unit"])],
                metrics.Select(m => (IReadOnlyList<string>)
                [
                    texts[$"Metrics_Group_{m.Group}"], texts.Name(m.Name, m.NameEn), texts.Amount(m.Value, m.Estimated),
                    .. compared.Select(c => ReportTexts.Number(c.Metrics.GetValueOrDefault(m.Code))),
                    texts.IsEnglish ? m.UnitEn : m.Unit,
                ]).ToList()));
        }

        var kinds = Kinds(stats.Totals, compared);
        if (kinds.Count > 0)
        {
            int Of(CampaignTotals totals, string kind) => totals.Events.TryGetValue(kind, out var c) ? c.Online + c.Offline : 0;
            tables.Add(new ReportTable("events-table", texts["Report_Table_Events"],
                [new(texts["Report_Table_Kind"]), new(texts["EventChannel_online"], true), new(texts["EventChannel_offline"], true), new(texts["Report_Table_Total"], true), .. comparedColumns],
                kinds.Select(k => (IReadOnlyList<string>)
                [
                    texts[$"EventKind_{k.Kind}"], Count(k.Counts.Online), Count(k.Counts.Offline), Count(k.Counts.Online + k.Counts.Offline),
                    .. compared.Select(c => Count(Of(c, k.Kind))),
                ]).ToList(),
                [texts["Report_Table_Total"], Count(kinds.Sum(k => k.Counts.Online)), Count(kinds.Sum(k => k.Counts.Offline)), Count(stats.Totals.EventCount),
                 .. compared.Select(c => Count(c.EventCount))]));
        }

        if (stats.Units.Count > 0)
        {
            var rows = stats.Units.Select(c => (IReadOnlyList<string>)[texts.Name(c.Name, c.NameEn), Count(c.Events), ReportTexts.Number(c.PeopleServed)]).ToList();
            foreach (var c in stats.Units)
            {
                context.Gap(texts["Report_Table_Units"], texts.Name(c.Name, c.NameEn));
            }

            tables.Add(new ReportTable("units-table", texts["Report_Table_Units"],
                [new(texts["Report_Table_UnitName"]), new(texts["Report_Table_UnitEvents"], true), new(texts["Report_Table_PeopleServed"], true)], rows));
        }

        if (stats.Targets.Count > 0)
        {
            tables.Add(new ReportTable("targets-table", texts["Report_Targets_Heading"],
                [new(texts["Report_Table_Indicator"]), new(texts["Report_Table_Target"], true), new(texts["Report_Table_Actual"], true), new(texts["Report_Table_Percent"], true)],
                stats.Targets.Select(t => (IReadOnlyList<string>)[texts.Name(t.Name, t.NameEn), ReportTexts.Number(t.Target), ReportTexts.Number(t.Actual), ReportTexts.Number(t.Percent) + "%"]).ToList(),
                Progress: stats.Targets.Select(t => Math.Min(t.Percent, 100)).ToList()));
        }

        // What the campaign achieved after what it did: outcomes and the funnel follow the figures and the targets.
        tables.AddRange(ResultTables(source));
        tables.AddRange(ParticipationTables(source));
        return tables;
    }

    /// <summary>
    /// The results table (indicator, value, target, sample size or basis, method, date) and the screening funnel
    /// (each step's total and its share of the step before). A unit's report has only what its own figures compute.
    /// </summary>
    public static IEnumerable<ReportTable> ResultTables(ReportSource source)
    {
        var texts = source.Texts;
        var outcomes = source.Results.Outcomes.Where(o => source.UnitId is null || o.Kind == OutcomeKind.Computed).ToList();
        if (outcomes.Count > 0)
        {
            var period = $"{texts.Date(source.From)}–{texts.Date(source.To)}";
            yield return new ReportTable("results-table", texts["Report_Table_Results"],
                [
                    new(texts["Report_Table_Indicator"]), new(texts["Report_Table_Result"], true), new(texts["Report_Table_Target"], true),
                    new(texts["Report_Table_Basis"]), new(texts["Report_Table_Method"]), new(texts["Report_Table_Date"]),
                ],
                outcomes.Select(o => (IReadOnlyList<string>)
                [
                    texts.Name(o.Name, o.NameEn),
                    o.Value is { } value ? ReportDraftWriter.Bound(texts, o.Bound) + ReportTexts.Number(value) + "%" : ReportFields.NoValue,
                    o.TargetPercent is { } target ? ReportTexts.Number(target) + "%" : "",
                    Basis(texts, o),
                    o.Kind == OutcomeKind.Computed
                        ? Name(texts, o.Method, o.MethodEn) ?? texts["Report_Results_FromFigures"]
                        : Name(texts, o.Method, o.MethodEn) ?? "",
                    o.Kind == OutcomeKind.Computed ? period : o.MeasuredOn is { } on ? texts.Date(on) : "",
                ]).ToList());
        }

        var funnel = source.Results.Funnel;
        if (funnel.Count > 0)
        {
            yield return new ReportTable("funnel-table", texts["Report_Table_Funnel"],
                [new(texts["Report_Table_FunnelStep"]), new(texts["Report_Table_Value"], true), new(texts["Report_Table_Unit"]), new(texts["Report_Table_FunnelRate"], true)],
                funnel.Select(step => (IReadOnlyList<string>)
                [
                    texts.Name(step.Metric.Name, step.Metric.NameEn),
                    ReportTexts.Number(step.Total),
                    texts.IsEnglish ? step.Metric.UnitEn : step.Metric.Unit,
                    step.RateOfPrevious is { } rate ? ReportTexts.Number(rate) + "%" : ReportFields.NoValue,
                ]).ToList());
        }
    }

    /// <summary>"8280 / 17326" for counts, "n = 500" for a sample, "戒烟人数 8280 ÷ 随访人数 17326" for a computed rate.</summary>
    private static string Basis(ReportTexts texts, Campaigns.OutcomeResult outcome)
    {
        var count = ReportTexts.Number;
        if (outcome.Kind == OutcomeKind.Computed)
        {
            var numerator = outcome.NumeratorMetric is { } n ? texts.Name(n.Name, n.NameEn) : "";
            var denominator = outcome.DenominatorMetric is { } d ? texts.Name(d.Name, d.NameEn) : "";
            return $"{numerator} {count(outcome.Numerator ?? 0)} ÷ {denominator} {count(outcome.Denominator ?? 0)}";
        }

        if (outcome.Numerator is { } top && outcome.Denominator is { } bottom)
        {
            return $"{count(top)} / {count(bottom)}";
        }

        return outcome.SampleSize is { } sample ? texts.Format("Report_Results_Sample", sample) : "";
    }

    /// <summary>The regions and partner sites, and the awards with their recipients: the campaign's report only.</summary>
    private static IEnumerable<ReportTable> ParticipationTables(ReportSource source)
    {
        var texts = source.Texts;
        var campaign = source.Campaign;
        if (source.UnitId is not null)
        {
            yield break;
        }

        // One row per role, its names in one cell: twelve provinces read as one line, not twelve.
        var rows = new List<IReadOnlyList<string>>();
        void Row(string role, int count, IEnumerable<string> names)
        {
            if (count > 0)
            {
                rows.Add([role, Count(count), texts.List(names.ToList(), enumeration: true)]);
            }
        }

        Row(texts["Report_Table_Region"], campaign.Regions.Count, campaign.Regions.Select(r => texts.Name(r.Name, r.NameEn)));
        Row(texts["Report_Table_Host"], campaign.Hosts.Count, campaign.Hosts.Select(o => texts.Name(o.Name, o.NameEn)));
        Row(texts["Report_Table_CoOrganiser"], campaign.CoOrganisers.Count, campaign.CoOrganisers.Select(o => texts.Name(o.Name, o.NameEn)));
        var unnamed = campaign.PartnerSiteTotal - campaign.PartnerSites.Count;
        Row(texts["Report_Table_PartnerSite"], campaign.PartnerSiteTotal,
            campaign.PartnerSites.Count == 0 ? [texts["Report_Table_NoneNamed"]]
                : campaign.PartnerSites.Select(p => texts.Name(p.Name, p.NameEn)).Concat(unnamed > 0 ? [texts.Format("Report_Table_Unnamed", unnamed)] : []));
        if (rows.Count > 0)
        {
            yield return new ReportTable("participation-table", texts["Report_Table_Participation"],
                [new(texts["Report_Table_Role"]), new(texts["Report_Table_Count"], true), new(texts["Report_Table_Name"])], rows);
        }

        var awards = new List<IReadOnlyList<string>>();
        foreach (var award in campaign.Awards)
        {
            var name = texts.Name(award.Name, award.NameEn);
            awards.AddRange(award.Recipients.Select(r => (IReadOnlyList<string>)[name, texts.Name(r.Name, r.NameEn), Name(texts, r.Organisation, r.OrganisationEn) ?? ""]));
            if (award.Total > award.Recipients.Count)
            {
                var others = award.Total - award.Recipients.Count;
                awards.Add([name, texts.Plural(award.Recipients.Count == 0 ? "Report_Table_RecipientsUnnamed" : "Report_Table_Recipients", others, others), ""]);
            }
        }

        if (awards.Count > 0)
        {
            yield return new ReportTable("awards-table", texts["Report_Awards_Heading"],
                [new(texts["Report_Table_Award"]), new(texts["Report_Table_Recipient"]), new(texts["Report_Table_RecipientOrganisation"])], awards);
        }
    }

    private static string? Name(ReportTexts texts, string? name, string? english)
    {
        var value = texts.IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : name;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static List<ReportChart> Charts(ReportSource source)
    {
        var texts = source.Texts;
        var stats = source.Statistics;
        var channels = new List<ChartSeries> { new(texts["EventChannel_online"], "#2f6f9f"), new(texts["EventChannel_offline"], "#7b1f4b") };
        // A bar per day up to a month, per week up to half a year, per month beyond (EventTimeline).
        var timeline = stats.Timeline;
        var (key, title) = timeline.Granularity switch
        {
            TimelineGranularity.Week => ("events-per-week", "Report_Chart_EventsPerWeek"),
            TimelineGranularity.Month => ("events-per-month", "Report_Chart_EventsPerMonth"),
            _ => ("events-per-day", "Report_Chart_EventsPerDay"),
        };
        var charts = new List<ReportChart>
        {
            new(key, texts[title], ReportChartShape.Columns, channels,
                timeline.Buckets.Select(b => new ChartBar(EventTimeline.Label(b, timeline.Granularity), [b.Online, b.Offline])).ToList()),
            new("events-by-kind", texts["Report_Chart_EventsByKind"], ReportChartShape.Bars, channels,
                Kinds(stats.Totals, []).Select(k => new ChartBar(texts[$"EventKind_{k.Kind}"], [k.Counts.Online, k.Counts.Offline])).ToList()),
            new("media-reach", texts["Report_Chart_MediaReach"], ReportChartShape.Bars, [new(texts["Metrics_Group_media_reach"], "#2e7d32")],
                stats.Metrics.Where(m => m.Group == "media_reach" && m.Value > 0).Select(m => new ChartBar(texts.Name(m.Name, m.NameEn), [m.Value])).ToList()),
        };
        return charts.Where(c => c.Bars.Any(b => b.Total > 0)).ToList();
    }

    /// <summary>Kinds with events in the period (or in a comparison shown beside it), the source report's first, then the others.</summary>
    private static List<(string Kind, ChannelCounts Counts)> Kinds(CampaignTotals totals, IReadOnlyList<CampaignTotals> compared) =>
        SummaryReportWriter.SeedKindOrder.Concat(Codes<EventKind>.All.Except(SummaryReportWriter.SeedKindOrder))
            .Where(k => new[] { totals }.Concat(compared).Any(t => t.Events.TryGetValue(k, out var c) && c.Online + c.Offline > 0))
            .Select(k => (k, totals.Events.GetValueOrDefault(k) ?? new ChannelCounts(0, 0)))
            .ToList();

    /// <summary>"上期 2021/4/8–4/14" or "去年同期 2020/4/15–4/21": which comparison, and its days.</summary>
    private static string ComparedHeader(ReportTexts texts, CampaignTotals totals, CampaignTotals compared) =>
        texts.Format(ReferenceEquals(compared, totals.Previous) ? "Report_Table_Previous" : "Report_Table_YearEarlier", ShortRange(compared.From, compared.To));

    private static string ShortRange(DateOnly from, DateOnly to)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var first = from.ToString("yyyy/M/d", culture);
        return from == to ? first : $"{first}–{to.ToString(from.Year == to.Year ? "M/d" : "yyyy/M/d", culture)}";
    }

    /// <summary>A programme's campaigns (edition or year, events, people served) and its years, each with the running total.</summary>
    private static IEnumerable<ReportTable> ProgrammeTables(ReportTexts texts, ProgrammeTotals rollUp)
    {
        if (rollUp.Campaigns.Count > 0)
        {
            yield return new ReportTable("campaigns-table", texts["Report_Table_Campaigns"],
                [new(texts["Report_Table_Campaign"]), new(texts["Report_Table_Edition"]), new(texts["Report_Table_UnitEvents"], true),
                 new(texts["Report_Table_Upcoming"], true), new(texts["Report_Table_PeopleServed"], true)],
                rollUp.Campaigns.Select(c => (IReadOnlyList<string>)
                [
                    texts.Name(c.Name, c.NameEn),
                    (texts.IsEnglish ? c.EditionEn ?? c.Edition : c.Edition) ?? ShortRange(c.StartDate, c.EndDate),
                    Count(c.Events), Count(c.Upcoming), ReportTexts.Number(c.PeopleServed),
                ]).ToList(),
                [texts["Report_Table_Total"], "", Count(rollUp.Campaigns.Sum(c => c.Events)), Count(rollUp.Campaigns.Sum(c => c.Upcoming)),
                 ReportTexts.Number(rollUp.Campaigns.Sum(c => c.PeopleServed))]);
        }

        if (rollUp.Years.Count > 0)
        {
            yield return new ReportTable("years-table", texts["Report_Table_Years"],
                [new(texts["Report_Table_Year"]), new(texts["Report_Table_UnitEvents"], true), new(texts["Report_Table_PeopleServed"], true),
                 new(texts["Report_Table_CumulativeEvents"], true), new(texts["Report_Table_CumulativeServed"], true)],
                rollUp.Years.Select(y => (IReadOnlyList<string>)
                [
                    y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(y.Events), ReportTexts.Number(y.PeopleServed),
                    Count(y.CumulativeEvents), ReportTexts.Number(y.CumulativePeopleServed),
                ]).ToList());
        }
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What building one document collects: the fields that name nothing, and the text awaiting translation.</summary>
    private sealed class Context(ReportSource source)
    {
        public ReportSource Source { get; } = source;

        public List<string> Unknown { get; } = [];

        public List<ReportGap> Gaps { get; } = [];

        /// <summary>A paragraph's runs: fields evaluated (when the text may hold them), Chinese in an English report marked.</summary>
        public ReportParagraph Runs(string text, string where, bool fields = true)
        {
            var runs = new List<ReportRun>();
            var afterNoValue = false;
            foreach (var (text0, isField) in fields ? ReportFields.Split(text) : [(text, false)])
            {
                // A rate with nothing to divide by reads "—", not "—%".
                var piece = afterNoValue && !isField && text0.StartsWith('%') ? text0[1..] : text0;
                afterNoValue = false;
                if (!isField)
                {
                    if (piece.Length > 0)
                    {
                        runs.Add(Literal(piece, where));
                    }
                }
                else if (Source.Fields.IsUndefined(piece))
                {
                    runs.Add(new ReportRun(ReportFields.NoValue, ReportRunKind.Field, piece));
                    afterNoValue = true;
                }
                else if (Source.Fields.TryGet(piece, out var value))
                {
                    runs.Add(new ReportRun(Source.Texts.Amount(value, Source.Fields.Estimated(piece)), ReportRunKind.Field, piece));
                }
                else
                {
                    Unknown.Add(piece);
                    runs.Add(new ReportRun(piece, ReportRunKind.UnknownField, piece));
                }
            }

            return new ReportParagraph(runs);
        }

        public void Gap(string where, string text)
        {
            if (Source.Texts.IsEnglish && ReportTexts.HasChinese(text))
            {
                Gaps.Add(new ReportGap(where, text));
            }
        }

        private ReportRun Literal(string text, string where)
        {
            if (!Source.Texts.IsEnglish || !ReportTexts.HasChinese(text))
            {
                return new ReportRun(text);
            }

            Gaps.Add(new ReportGap(where, text));
            return new ReportRun(text, ReportRunKind.Untranslated);
        }
    }
}
