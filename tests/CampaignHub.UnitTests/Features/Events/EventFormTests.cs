using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;

namespace CampaignHub.UnitTests.Features.Events;

/// <summary>The editor's model: what it sends, and how the user's edits survive a conflict.</summary>
public sealed class EventFormTests
{
    private static EventForm Saved() => new()
    {
        CampaignId = 1,
        UnitIds = [3],
        Title = "乳腺癌义诊",
        Kind = EventKind.FreeClinic,
        Channel = EventChannel.Offline,
        StartDate = new DateTime(2021, 4, 16),
        StartTime = new TimeSpan(9, 0, 0),
        EndDate = new DateTime(2021, 4, 16),
        EndTime = new TimeSpan(11, 0, 0),
        Location = "门诊大厅",
        Status = EventStatus.Planned,
        Figures = new(StringComparer.OrdinalIgnoreCase) { ["patients_benefited"] = "120" },
        Version = 4,
    };

    [Fact]
    public void Applying_my_edits_on_their_version_keeps_their_other_changes_and_is_based_on_their_version()
    {
        var original = Saved();
        var mine = original.Clone();
        mine.Title = "乳腺癌义诊（更正）";
        mine.People.Add(new PersonInput { Name = "王医生" });
        var theirs = original.Clone();
        theirs.Status = EventStatus.Held;
        theirs.Location = "住院部一楼";
        theirs.Version = 5;

        var merged = EventForm.Merge(original, mine, theirs);

        merged.Title.ShouldBe("乳腺癌义诊（更正）");
        merged.People.Single().Name.ShouldBe("王医生");
        merged.Status.ShouldBe(EventStatus.Held);
        merged.Location.ShouldBe("住院部一楼");
        merged.Version.ShouldBe(5);
        EventForm.Differences(theirs, mine).ShouldBe(["Location", "Status", "People", "Title"], ignoreOrder: true);
        // The merge copies: editing the result does not change what was merged.
        merged.People[0].Name = "李医生";
        mine.People[0].Name.ShouldBe("王医生");
    }

    [Fact]
    public void Input_combines_date_and_time_and_drops_the_platform_of_an_offline_event()
    {
        var form = Saved();
        form.Platform = OnlinePlatform.LiveStream;
        form.EndDate = null;
        form.Figures["screened"] = "１２";
        form.Figures["volunteers"] = " ";
        form.Figures["retired_metric"] = "7";

        var input = form.ToInput(["patients_benefited", "screened", "volunteers"]);

        input.Start.ShouldBe(new DateTime(2021, 4, 16, 9, 0, 0));
        input.End.ShouldBe(new DateTime(2021, 4, 16, 11, 0, 0));
        input.Start!.Value.Kind.ShouldBe(DateTimeKind.Unspecified);
        input.Platform.ShouldBeNull();
        input.Kind.ShouldBe("free_clinic");
        input.Status.ShouldBe("planned");
        // The figures go with the event, full-width digits read as digits; blank ones and retired metrics' are not sent.
        input.Figures.ShouldBe(new Dictionary<string, decimal> { ["patients_benefited"] = 120, ["screened"] = 12 }, ignoreOrder: true);
        input.Version.ShouldBe(4);
    }

    [Fact]
    public void Applying_my_edits_on_their_version_keeps_my_figures_and_theirs()
    {
        var original = Saved();
        var mine = original.Clone();
        mine.Figures["patients_benefited"] = "135";
        mine.Figures["volunteers"] = "12";
        var theirs = original.Clone();
        theirs.Figures["brochures"] = "300";
        theirs.Figures["patients_benefited"] = "125";
        theirs.Version = 5;

        var merged = EventForm.Merge(original, mine, theirs);

        merged.Figures.ShouldBe(new Dictionary<string, string> { ["patients_benefited"] = "135", ["volunteers"] = "12", ["brochures"] = "300" }, ignoreOrder: true);
        merged.Version.ShouldBe(5);
        EventForm.FigureDifferences(theirs, mine).ShouldBe(["brochures", "patients_benefited", "volunteers"]);
    }

    [Fact]
    public void A_form_has_changes_when_a_detail_a_speaker_or_a_figure_differs_but_not_for_the_same_number_written_otherwise()
    {
        var saved = Saved();

        EventForm.Same(saved, saved.Clone()).ShouldBeTrue();
        var figure = saved.Clone();
        figure.Figures["patients_benefited"] = "１２０.0";
        EventForm.Same(saved, figure).ShouldBeTrue();
        figure.Figures["patients_benefited"] = "121";
        EventForm.Same(saved, figure).ShouldBeFalse();
        var speaker = saved.Clone();
        speaker.People.Add(new PersonInput { Name = "王医生" });
        EventForm.Same(saved, speaker).ShouldBeFalse();
        var typo = saved.Clone();
        typo.Figures["screened"] = "很多";
        EventForm.Same(saved, typo).ShouldBeFalse();
        var blank = saved.Clone();
        blank.Figures["screened"] = "";
        EventForm.Same(saved, blank).ShouldBeTrue();
    }

    [Fact]
    public void A_new_event_is_dated_today_within_its_campaign_else_the_campaigns_first_day_and_held_unless_still_to_come()
    {
        var week = new CampaignOption(1, "宣传周", null, new DateOnly(2021, 4, 15), new DateOnly(2021, 4, 21));

        NewEventDefaults.Date(week, new DateOnly(2021, 4, 17)).ShouldBe(new DateTime(2021, 4, 17));
        NewEventDefaults.Date(week, new DateOnly(2021, 3, 1)).ShouldBe(new DateTime(2021, 4, 15));
        NewEventDefaults.Date(week, new DateOnly(2021, 5, 1)).ShouldBe(new DateTime(2021, 4, 15));
        NewEventDefaults.Date(null, new DateOnly(2021, 5, 1)).ShouldBe(new DateTime(2021, 5, 1));
        NewEventDefaults.Status(new DateTime(2021, 4, 18), new DateOnly(2021, 4, 17)).ShouldBe(EventStatus.Planned);
        NewEventDefaults.Status(new DateTime(2021, 4, 17), new DateOnly(2021, 4, 17)).ShouldBe(EventStatus.Held);
        NewEventDefaults.Status(null, new DateOnly(2021, 4, 17)).ShouldBe(EventStatus.Held);
    }

    [Fact]
    public void Every_field_of_the_conflict_view_has_a_label_and_every_code_a_name_in_both_languages()
    {
        var keys = new List<string>();
        keys.AddRange(EventForm.Fields.Select(f => $"Event_Field_{f}"));
        keys.AddRange(Codes<EventKind>.All.Select(c => $"EventKind_{c}"));
        keys.AddRange(Codes<EventChannel>.All.Select(c => $"EventChannel_{c}"));
        keys.AddRange(Codes<EventStatus>.All.Select(c => $"EventStatus_{c}"));
        keys.AddRange(Codes<OnlinePlatform>.All.Select(c => $"OnlinePlatform_{c}"));
        keys.AddRange(Enum.GetNames<MetricGroup>().Select(g => $"MetricGroup_{g}"));

        foreach (var file in new[] { "SharedResource.resx", "SharedResource.zh-CN.resx" })
        {
            var path = Path.Combine(RepositoryRoot(), "src", "CampaignHub.Web", "Resources", file);
            var names = System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            keys.Where(k => !names.Contains(k)).ShouldBeEmpty(file);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CampaignHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
