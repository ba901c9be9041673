using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Testing;

/// <summary>
/// A small roadshow as seed 002 tells it, logged through the app's own service: a visiting hospital's expert team;
/// stop 1 (long past) at a county hospital as a free clinic (team of ten, 100 patients) and a conference (speeches,
/// talks by title, moderated case discussions, discussants, the handover to the next host); stop 2 at the next host,
/// planned a month from today. Organisation names carry a suffix, as they are unique.
/// </summary>
public static class RoadshowTestData
{
    public const string Series = "县域肿瘤防治中心规范化巡讲";
    public const string LungTalk = "肺癌质控标准解读及规范化诊疗之路";
    public const string StandardsTalk = "辽宁省县域肿瘤防治中心建设标准解读";
    public const string LungDiscussion = "肺癌专题讨论";
    public static readonly DateOnly FirstStop = new(2024, 4, 27);

    public sealed record Roadshow(
        int Campaign, int Unit, string Visiting, string FirstHost, string NextHost, int FirstHostId, int NextHostId,
        int FreeClinic, int Conference, int NextStop, DateOnly NextStopDate);

    public static async Task<int> AddOrganisationAsync(this CampaignHubAppFactory factory, string name, OrganisationKind kind = OrganisationKind.Hospital)
    {
        await using var db = await factory.DbAsync();
        var organisation = new Organisation { Name = name, Kind = kind };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>The roadshow, logged by a new admin; the next stop is <paramref name="today"/> plus 30 days.</summary>
    public static async Task<Roadshow> AddRoadshowAsync(this CampaignHubAppFactory factory, DateOnly today)
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var visiting = $"辽宁省肿瘤医院{suffix}";
        var firstHost = $"庄河市中心医院{suffix}";
        var nextHost = $"辽健集团铁煤总医院{suffix}";
        await factory.AddOrganisationAsync(visiting);
        var firstHostId = await factory.AddOrganisationAsync(firstHost);
        var nextHostId = await factory.AddOrganisationAsync(nextHost);
        var unit = await factory.AddUnitAsync($"巡讲专家团队{suffix}", UnitKind.ExpertTeam);
        var nextStopDate = today.AddDays(30);
        var campaign = await factory.AddCampaignAsync($"千县工程规范化巡讲{suffix}", new(2024, 4, 1), today.AddDays(60), unit);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));

        EventInput Stop(string title, string kind, DateOnly day, int hour, int host, int stop, string status) => new()
        {
            CampaignId = campaign, UnitIds = [unit], Title = title, Kind = kind, Channel = "offline", Status = status,
            Start = day.ToDateTime(new TimeOnly(hour, 0)), End = day.ToDateTime(new TimeOnly(hour + 1, 30)),
            HostOrganisationId = host, SeriesName = Series, StopNumber = stop,
        };

        var clinic = Stop("联合义诊", "free_clinic", FirstStop, 7, firstHostId, 1, "held");
        clinic.ExpertTeamSize = 10;
        clinic.Figures = new() { ["patients_benefited"] = 100 };
        clinic.People =
        [
            new() { Role = "team_leader", Name = "刘宏旭", Position = "院长", Affiliation = visiting },
            new() { Role = "expert", Name = "刘宇", Department = "胸外科", Affiliation = visiting },
            new() { Role = "expert", Name = "张勇", Department = "病理科", Position = "主任", Affiliation = visiting },
        ];

        var conference = Stop("规范化巡讲会", "conference", FirstStop, 8, firstHostId, 1, "held");
        conference.NextHostOrganisationId = nextHostId;
        conference.HandoverFrom = "温准院长";
        conference.HandoverTo = "副院长王国勇";
        conference.People =
        [
            new() { Role = "speech", Name = "温准", Position = "院长", Affiliation = firstHost },
            new() { Role = "talk", Name = "朱新江", Position = "医务部副主任", Affiliation = visiting, TalkTitle = StandardsTalk },
            new() { Role = "talk", Name = "刘宇", Department = "胸外科", Affiliation = visiting, TalkTitle = LungTalk },
            new() { Role = "moderator", Name = "王国勇", Position = "副院长", Affiliation = nextHost, Topic = LungDiscussion },
            new() { Role = "discussant", Name = "张雷", Department = "医学影像科", Affiliation = visiting, Topic = LungDiscussion },
        ];

        var next = Stop("规范化巡讲（第二站）", "conference", nextStopDate, 8, nextHostId, 2, "planned");

        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        var clinicId = (await events.CreateAsync(admin, clinic)).Id;
        var conferenceId = (await events.CreateAsync(admin, conference)).Id;
        var nextId = (await events.CreateAsync(admin, next)).Id;
        return new Roadshow(campaign, unit, visiting, firstHost, nextHost, firstHostId, nextHostId, clinicId, conferenceId, nextId, nextStopDate);
    }
}
