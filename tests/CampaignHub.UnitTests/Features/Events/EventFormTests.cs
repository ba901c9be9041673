using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;

namespace CampaignHub.UnitTests.Features.Events;

/// <summary>The editor's model: what it sends, and how the user's edits survive a conflict.</summary>
public sealed class EventFormTests
{
    private static EventForm Saved() => new()
    {
        CampaignId = 1,
        CommitteeIds = [3],
        Title = "乳腺癌义诊",
        Kind = "free_clinic",
        Channel = "offline",
        StartDate = new DateTime(2021, 4, 16),
        StartTime = new TimeSpan(9, 0, 0),
        EndDate = new DateTime(2021, 4, 16),
        EndTime = new TimeSpan(11, 0, 0),
        Location = "门诊大厅",
        Status = "planned",
        Version = 4,
    };

    [Fact]
    public void Applying_my_edits_on_their_version_keeps_their_other_changes_and_is_based_on_their_version()
    {
        var original = Saved();
        var mine = original.Clone();
        mine.Title = "乳腺癌义诊（更正）";
        mine.Speakers.Add(new SpeakerInput { Name = "王医生" });
        var theirs = original.Clone();
        theirs.Status = "held";
        theirs.Location = "住院部一楼";
        theirs.Version = 5;

        var merged = EventForm.Merge(original, mine, theirs);

        merged.Title.ShouldBe("乳腺癌义诊（更正）");
        merged.Speakers.Single().Name.ShouldBe("王医生");
        merged.Status.ShouldBe("held");
        merged.Location.ShouldBe("住院部一楼");
        merged.Version.ShouldBe(5);
        EventForm.Differences(theirs, mine).ShouldBe(["Location", "Status", "Speakers", "Title"], ignoreOrder: true);
        // The merge copies: editing the result does not change what was merged.
        merged.Speakers[0].Name = "李医生";
        mine.Speakers[0].Name.ShouldBe("王医生");
    }

    [Fact]
    public void Input_combines_date_and_time_and_drops_the_platform_of_an_offline_event()
    {
        var form = Saved();
        form.Platform = "live_stream";
        form.EndDate = null;

        var input = form.ToInput(new Dictionary<string, decimal> { ["screened"] = 12 });

        input.Start.ShouldBe(new DateTime(2021, 4, 16, 9, 0, 0));
        input.End.ShouldBe(new DateTime(2021, 4, 16, 11, 0, 0));
        input.Start!.Value.Kind.ShouldBe(DateTimeKind.Unspecified);
        input.Platform.ShouldBeNull();
        input.Figures.ShouldBe(new Dictionary<string, decimal> { ["screened"] = 12 });
        input.Version.ShouldBe(4);
        form.ToInput().Figures.ShouldBeNull();
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
