using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reporting;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.UnitTests.Features.Reporting;

/// <summary>The reporting cycle's rules that need no database: lateness, the steps each status allows, weeks, and what changed.</summary>
public sealed class SubmissionRulesTests
{
    private static readonly DateOnly Due = new(2021, 4, 30);

    [Theory]
    [InlineData(SubmissionStatus.NotStarted, null, "2021-04-30", false)]
    [InlineData(SubmissionStatus.NotStarted, null, "2021-05-01", true)]
    [InlineData(SubmissionStatus.Draft, null, "2021-05-01", true)]
    [InlineData(SubmissionStatus.Submitted, "2021-04-30", "2021-05-09", false)]
    [InlineData(SubmissionStatus.Approved, "2021-05-01", "2021-05-09", true)]
    [InlineData(SubmissionStatus.Returned, "2021-04-29", "2021-05-09", false)]
    [InlineData(SubmissionStatus.Excused, null, "2021-05-09", false)]
    public void A_unit_is_late_when_its_first_submission_or_today_is_after_the_due_date_unless_excused(
        SubmissionStatus status, string? firstSubmitted, string today, bool late) =>
        SubmissionRules.IsLate(status, firstSubmitted is null ? null : DateOnly.Parse(firstSubmitted), Due, DateOnly.Parse(today)).ShouldBe(late);

    [Fact]
    public void Approved_and_excused_are_final_and_only_a_submitted_report_is_approved()
    {
        foreach (var status in Enum.GetValues<SubmissionStatus>())
        {
            SubmissionRules.CanApprove(status).ShouldBe(status == SubmissionStatus.Submitted, status.ToString());
            SubmissionRules.CanReturn(status).ShouldBe(status is SubmissionStatus.Submitted or SubmissionStatus.Returned, status.ToString());
            SubmissionRules.CanExcuse(status).ShouldBe(status is not (SubmissionStatus.Approved or SubmissionStatus.Excused), status.ToString());
            SubmissionRules.CanSubmit(status).ShouldBe(status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned, status.ToString());
        }
    }

    [Fact]
    public void Weeks_run_seven_days_from_the_first_the_last_cut_at_the_end_each_due_the_next_Monday()
    {
        var weeks = ReportingPeriodService.Weeks(new(2021, 4, 15), new(2021, 5, 1)).ToList();

        weeks.ShouldBe([(new(2021, 4, 15), new(2021, 4, 21)), (new(2021, 4, 22), new(2021, 4, 28)), (new(2021, 4, 29), new(2021, 5, 1))]);
        ReportingPeriodService.NextMonday(new(2021, 4, 21)).ShouldBe(new DateOnly(2021, 4, 26)); // a Wednesday
        ReportingPeriodService.NextMonday(new(2021, 4, 25)).ShouldBe(new DateOnly(2021, 4, 26)); // a Sunday
        ReportingPeriodService.NextMonday(new(2021, 4, 26)).ShouldBe(new DateOnly(2021, 5, 3)); // a Monday: the next one
        ReportingPeriodService.Weeks(new(2021, 4, 15), new(2021, 4, 15)).ShouldHaveSingleItem();
    }

    [Fact]
    public void Comparing_two_snapshots_names_each_changed_figure_status_added_removed_and_edited_event_and_entry()
    {
        var totals = new CampaignTotals(0, new Dictionary<string, ChannelCounts>(), new Dictionary<string, decimal>());
        SnapshotEvent Event(int id, long version, EventStatus status = EventStatus.Held, decimal? served = null) =>
            new(id, $"活动{id}", EventKind.FreeClinic, EventChannel.Offline, status, new DateTime(2021, 4, 15 + id, 9, 0, 0), false, version,
                served is { } s ? new Dictionary<string, decimal> { ["patients_benefited"] = s } : new Dictionary<string, decimal>());
        var before = new SubmissionSnapshot(totals,
            [Event(1, 1, served: 381710), Event(2, 1, EventStatus.Planned), Event(3, 1), Event(4, 1)],
            [new SnapshotEntry(new(2021, 4, 15), "reach_wechat", 100)]);
        var after = new SubmissionSnapshot(totals,
            [Event(1, 2, served: 38171), Event(2, 2), Event(3, 2), Event(5, 1)],
            [new SnapshotEntry(new(2021, 4, 15), "reach_wechat", 120), new SnapshotEntry(new(2021, 4, 16), "reach_douyin", 5)]);

        var changes = SubmissionSnapshot.Compare(before, after);

        changes.Select(c => (c.Kind, c.EventId, c.MetricCode, c.OldValue, c.NewValue, c.OldText, c.NewText)).ShouldBe([
            (SubmissionChangeKind.Figure, 1, "patients_benefited", 381710m, 38171m, null, null),
            (SubmissionChangeKind.EventStatus, 2, null, null, null, "planned", "held"),
            (SubmissionChangeKind.EventEdited, 3, null, null, null, null, null),
            (SubmissionChangeKind.EventRemoved, 4, null, null, null, null, null),
            (SubmissionChangeKind.EventAdded, 5, null, null, null, null, null),
            (SubmissionChangeKind.Entry, null, "reach_wechat", 100m, 120m, null, null),
            (SubmissionChangeKind.Entry, null, "reach_douyin", null, 5m, null, null),
        ]);
        SubmissionSnapshot.Compare(after, SubmissionSnapshot.FromJson(after.ToJson())!).ShouldBeEmpty();
    }
}
