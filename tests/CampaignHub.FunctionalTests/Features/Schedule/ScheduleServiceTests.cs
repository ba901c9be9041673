using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Schedule;

/// <summary>The calendars' data: which events a period shows, each filter, cancelled events, people on duty, the cap.</summary>
public sealed class ScheduleServiceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static readonly DateOnly Monday = new(2021, 4, 12);

    private async Task<ScheduleResult> ListAsync(ScheduleQuery query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduleService>().ListAsync(query);
    }

    private async Task<(int Unit, int Campaign)> NewCampaignAsync(string name)
    {
        var unit = await factory.AddUnitAsync($"{name}专委会");
        var campaign = await factory.AddCampaignAsync(name, new(2021, 4, 1), new(2021, 4, 30), unit);
        return (unit, campaign);
    }

    private static DateTime At(int day, int hour, int minute = 0) => new(2021, 4, day, hour, minute, 0);

    [Fact]
    public async Task A_week_shows_events_from_its_first_midnight_up_to_but_not_including_the_next_mondays()
    {
        var (unit, campaign) = await NewCampaignAsync("周界");
        int[] units = [unit];
        await factory.AddEventAsync(campaign, units, "周一零点", At(12, 0), At(12, 1));
        await factory.AddEventAsync(campaign, units, "周日深夜", At(18, 23), At(18, 23, 30));
        await factory.AddEventAsync(campaign, units, "下周一零点", At(19, 0), At(19, 2));
        await factory.AddEventAsync(campaign, units, "上周日", At(11, 22), At(11, 23, 59));
        await factory.AddEventAsync(campaign, units, "上周日到午夜", At(11, 20), At(12, 0));
        await factory.AddEventAsync(campaign, units, "跨周培训", At(10, 9), At(13, 17));

        var result = await ListAsync(new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign });

        // In start order; the training that began on Saturday is still going on Monday, so it is in the week.
        result.Entries.Select(e => e.Title).ShouldBe(["跨周培训", "周一零点", "周日深夜"]);
        result.Truncated.ShouldBeFalse();

        var sunday = await ListAsync(new ScheduleQuery { From = Monday.AddDays(6), To = Monday.AddDays(7), CampaignId = campaign });
        sunday.Entries.Select(e => e.Title).ShouldBe(["周日深夜"]);
    }

    [Fact]
    public async Task Each_filter_narrows_the_schedule_and_each_entry_names_its_place_and_units()
    {
        var (breast, campaign) = await NewCampaignAsync("筛选");
        var lung = await factory.AddUnitAsync("肺癌专委会-筛选");
        var (hospital, hall) = await factory.AddOrganisationWithVenueAsync("山西省肿瘤医院-筛选", "门诊大厅");
        var (radio, _) = await factory.AddOrganisationWithVenueAsync("山西广播电台-筛选", "演播室");
        var clinic = await factory.AddEventAsync(campaign, [breast], "乳腺癌义诊", At(15, 9), At(15, 11), venueId: hall);
        var lecture = await factory.AddEventAsync(campaign, [lung], "肺癌线上讲座", At(16, 19), At(16, 20),
            kind: "lecture", channel: "online", platform: "wechat", hostOrganisationId: radio);
        var screening = await factory.AddEventAsync(campaign, [breast, lung], "联合筛查", At(17, 8), At(17, 12),
            kind: "screening", location: "社区广场");
        var week = new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign };

        async Task<int[]> Ids(ScheduleQuery query) => (await ListAsync(query)).Entries.Select(e => e.Id).ToArray();

        (await Ids(week)).ShouldBe([clinic, lecture, screening]);
        (await Ids(week with { UnitId = breast })).ShouldBe([clinic, screening]);
        (await Ids(week with { UnitId = lung })).ShouldBe([lecture, screening]);
        (await Ids(week with { Kind = "lecture" })).ShouldBe([lecture]);
        (await Ids(week with { Channel = "online" })).ShouldBe([lecture]);
        (await Ids(week with { Channel = "offline" })).ShouldBe([clinic, screening]);
        (await Ids(week with { VenueId = hall })).ShouldBe([clinic]);
        // An organisation's events: those at its venues and those it hosts.
        (await Ids(week with { OrganisationId = hospital })).ShouldBe([clinic]);
        (await Ids(week with { OrganisationId = radio })).ShouldBe([lecture]);
        (await Ids(week with { UnitId = breast, Kind = "screening", Channel = "offline" })).ShouldBe([screening]);
        (await Ids(week with { CampaignId = null, UnitId = lung })).ShouldBe([lecture, screening]);

        var entries = (await ListAsync(week)).Entries.ToDictionary(e => e.Id);
        entries[clinic].Place.ShouldBe("门诊大厅");
        entries[lecture].Place.ShouldBe("山西广播电台-筛选");
        entries[lecture].Platform.ShouldBe(OnlinePlatform.Wechat);
        entries[lecture].Kind.ShouldBe(EventKind.Lecture);
        entries[lecture].Channel.ShouldBe(EventChannel.Online);
        entries[screening].Place.ShouldBe("社区广场");
        entries[screening].UnitNames.ShouldBe(["筛选专委会", "肺癌专委会-筛选"]);
        entries[clinic].Start.ShouldBe(At(15, 9));
        entries[clinic].End.ShouldBe(At(15, 11));
    }

    [Fact]
    public async Task A_cancelled_event_is_shown_and_marked_not_hidden()
    {
        var (unit, campaign) = await NewCampaignAsync("取消");
        await factory.AddEventAsync(campaign, [unit], "如期举行", At(14, 9), At(14, 10), status: "confirmed");
        var cancelled = await factory.AddEventAsync(campaign, [unit], "因雨取消", At(14, 14), At(14, 15), status: "cancelled");

        var result = await ListAsync(new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign });

        result.Entries.Count.ShouldBe(2);
        var entry = result.Entries.Single(e => e.Id == cancelled);
        entry.Status.ShouldBe(EventStatus.Cancelled);
        entry.IsCancelled.ShouldBeTrue();
        result.Entries.Single(e => e.Id != cancelled).IsCancelled.ShouldBeFalse();
    }

    [Fact]
    public async Task Each_entry_counts_the_people_on_duty_once_each()
    {
        var (unit, campaign) = await NewCampaignAsync("值班");
        var clinic = await factory.AddEventAsync(campaign, [unit], "有人值班", At(15, 9), At(15, 17));
        var empty = await factory.AddEventAsync(campaign, [unit], "无人值班", At(15, 9), At(15, 17));
        var nurse = await factory.AddPersonAsync("李护士");
        var doctor = await factory.AddPersonAsync("王医生");
        // The nurse works two shifts of the same clinic: still one person on duty.
        await factory.AddDutyAsync(clinic, nurse, DutyRole.Nurse, At(15, 9), At(15, 12));
        await factory.AddDutyAsync(clinic, nurse, DutyRole.Nurse, At(15, 13), At(15, 17));
        await factory.AddDutyAsync(clinic, doctor, DutyRole.Expert);

        var entries = (await ListAsync(new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign }))
            .Entries.ToDictionary(e => e.Id);

        entries[clinic].PeopleOnDuty.ShouldBe(2);
        entries[empty].PeopleOnDuty.ShouldBe(0);
    }

    [Fact]
    public async Task More_events_than_the_limit_are_cut_off_and_say_so()
    {
        var (unit, campaign) = await NewCampaignAsync("上限");
        for (var hour = 8; hour < 11; hour++)
        {
            await factory.AddEventAsync(campaign, [unit], $"讲座{hour}", At(13, hour), At(13, hour, 45), kind: "lecture");
        }

        var week = new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign };
        var cut = await ListAsync(week with { Limit = 2 });
        var whole = await ListAsync(week with { Limit = 3 });

        cut.Entries.Select(e => e.Title).ShouldBe(["讲座8", "讲座9"]);
        cut.Truncated.ShouldBeTrue();
        whole.Entries.Count.ShouldBe(3);
        whole.Truncated.ShouldBeFalse();
        ScheduleQuery.MaxEntries.ShouldBe(2_000);
        (await ListAsync(week with { Limit = 1_000_000 })).Entries.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_empty_period_points_to_the_next_events_or_else_to_the_last_ones()
    {
        var (unit, campaign) = await NewCampaignAsync("跳转");
        await factory.AddEventAsync(campaign, [unit], "四月初", At(2, 9), At(2, 10));
        await factory.AddEventAsync(campaign, [unit], "四月底", At(28, 9), At(28, 10));
        await using var scope = factory.Services.CreateAsyncScope();
        var schedule = scope.ServiceProvider.GetRequiredService<ScheduleService>();

        var forward = await schedule.NearestEventDayAsync(new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign });
        var backward = await schedule.NearestEventDayAsync(new ScheduleQuery { From = new(2021, 5, 3), To = new(2021, 5, 10), CampaignId = campaign });
        var nothing = await schedule.NearestEventDayAsync(new ScheduleQuery { From = Monday, To = Monday.AddDays(7), CampaignId = campaign, Kind = "award" });

        forward.ShouldBe(new DateOnly(2021, 4, 28));
        backward.ShouldBe(new DateOnly(2021, 4, 28));
        nothing.ShouldBeNull();
    }
}
