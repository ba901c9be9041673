using System.Globalization;
using CampaignHub.Web;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CampaignHub.UnitTests.Features.Events;

/// <summary>The one place an event's input rules are declared: what it refuses, by field, and what it lets through.</summary>
public sealed class EventInputValidatorTests
{
    private const int Campaign = 1;
    private const int Breast = 3;
    private const int Lung = 4;
    private const int Liver = 5;

    private static readonly Actor Admin = new("admin", "admin@example.org", IsAdmin: true, IsCoordinator: false, new HashSet<int>());
    private static readonly Actor BreastCoordinator = new("breast", "breast@example.org", IsAdmin: false, IsCoordinator: true, new HashSet<int> { Breast, Liver });

    private static readonly MetricDefinition Patients = new() { Id = 10, Code = "patients_benefited", Name = "患者受益人数", NameEn = "Patients", Unit = "人", UnitEn = "people", IsCount = true };
    private static readonly MetricDefinition Donations = new() { Id = 11, Code = "donations", Name = "捐赠", NameEn = "Donations", Unit = "万元", UnitEn = "10k yuan", IsCount = false };

    /// <summary>Breast and lung take part in the campaign; liver exists but does not.</summary>
    private static readonly EventRuleContext Context = new(
        CampaignExists: true,
        Units: new HashSet<int> { Breast, Lung, Liver },
        Participating: new HashSet<int> { Breast, Lung },
        Venues: new HashSet<int> { 7 },
        Organisations: new HashSet<int>(),
        Catalogue: new Dictionary<string, MetricDefinition>(StringComparer.OrdinalIgnoreCase) { [Patients.Code] = Patients, [Donations.Code] = Donations });

    private static EventInputValidator Validator()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        var clock = new AssociationClock(new ConfigurationBuilder().Build(), TimeProvider.System);
        return new EventInputValidator(services.GetRequiredService<IStringLocalizer<SharedResource>>(), clock);
    }

    private static EventInput FreeClinic() => new()
    {
        CampaignId = Campaign,
        UnitIds = [Breast],
        Title = "乳腺癌义诊",
        Kind = "free_clinic",
        Channel = "offline",
        Start = new DateTime(2021, 4, 16, 9, 0, 0),
        End = new DateTime(2021, 4, 16, 11, 0, 0),
        Status = "held",
        Figures = new() { ["patients_benefited"] = 120 },
    };

    private static (EventInputValidator.Valid? Valid, Dictionary<string, string[]> Errors) Check(EventInput input, Actor? actor = null, EventRuleContext? context = null)
    {
        var errors = new ValidationErrors();
        var valid = Validator().Validate(actor ?? BreastCoordinator, input, context ?? Context, errors);
        return (valid, errors.Items.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    [Fact]
    public void A_complete_event_passes_with_its_codes_read_as_the_domains_enums()
    {
        var (valid, errors) = Check(FreeClinic());

        errors.ShouldBeEmpty();
        valid.ShouldBe(new EventInputValidator.Valid(EventKind.FreeClinic, EventChannel.Offline, null, EventStatus.Held));
    }

    [Fact]
    public void Every_missing_required_field_is_named_with_its_own_message()
    {
        var (valid, errors) = Check(new EventInput { CampaignId = Campaign });

        valid.ShouldBeNull();
        errors.Keys.ShouldBe(["title", "kind", "channel", "start", "end", "unitIds"], ignoreOrder: true);
        errors["title"].ShouldBe(["请填写活动名称。"]);
        errors["kind"].ShouldBe(["请选择活动类型。"]);
        errors["channel"].ShouldBe(["请选择线上或线下。"]);
        // No status is a planned event.
        var noStatus = FreeClinic();
        noStatus.Status = null;
        Check(noStatus).Valid!.Status.ShouldBe(EventStatus.Planned);
    }

    [Fact]
    public void Lengths_are_those_of_the_database_columns_to_the_character()
    {
        var atLimit = FreeClinic();
        atLimit.Title = new string('讲', EventLimits.TitleMaxLength);
        atLimit.Narrative = new string('述', EventLimits.NarrativeMaxLength);
        atLimit.Speakers = [new PersonInput { Name = new string('王', EventLimits.SpeakerNameMaxLength) }];
        Check(atLimit).Errors.ShouldBeEmpty();

        var over = FreeClinic();
        over.Title = new string('讲', EventLimits.TitleMaxLength + 1);
        over.Narrative = new string('述', EventLimits.NarrativeMaxLength + 1);
        over.PlatformDetail = new string('平', EventLimits.PlatformDetailMaxLength + 1);
        over.Location = new string('厅', EventLimits.LocationMaxLength + 1);
        over.SeriesName = new string('站', EventLimits.SeriesNameMaxLength + 1);
        over.Speakers = [new PersonInput { Name = new string('王', EventLimits.SpeakerNameMaxLength + 1), TalkTitle = new string('题', EventLimits.SpeakerTalkTitleMaxLength + 1) }];

        var errors = Check(over).Errors;
        errors.Keys.ShouldBe(["title", "narrative", "platformDetail", "venue", "seriesName", "speakers[0].name", "speakers[0].talkTitle"], ignoreOrder: true);
        errors["title"].ShouldBe([$"最多 {EventLimits.TitleMaxLength} 个字符。"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mp.weixin.qq.com/s/abc")]
    [InlineData("https://mp.weixin.qq.com/s/a b")]
    [InlineData("http://")]
    public void A_link_that_is_not_a_whole_web_address_is_refused_with_an_example(string link)
    {
        var input = FreeClinic();
        input.Link = link;

        var errors = Check(input).Errors;

        errors.Keys.ShouldBe(["link"]);
        errors["link"][0].ShouldContain("https://");
    }

    [Fact]
    public void A_web_address_is_a_link_up_to_the_columns_length()
    {
        var input = FreeClinic();
        input.Link = "https://mp.weixin.qq.com/s/" + new string('a', EventLimits.LinkMaxLength - 27);
        Check(input).Errors.ShouldBeEmpty();

        input.Link += "a";
        Check(input).Errors["link"].ShouldBe([$"最多 {EventLimits.LinkMaxLength} 个字符。"]);
    }

    [Fact]
    public void Unknown_codes_are_named_with_the_codes_that_exist()
    {
        var input = FreeClinic();
        (input.Kind, input.Channel, input.Platform, input.Status) = ("picnic", "both", "fax", "done");

        var errors = Check(input).Errors;

        errors.Keys.ShouldBe(["kind", "channel", "platform", "status"], ignoreOrder: true);
        errors["kind"][0].ShouldContain("picnic");
        errors["kind"][0].ShouldContain("free_clinic");
        errors["platform"][0].ShouldContain("live_stream");
    }

    [Fact]
    public void The_end_may_not_come_before_the_start_in_the_associations_clock()
    {
        var input = FreeClinic();
        // 01:00 UTC is 09:00 in Shanghai: an end at 08:30 there is before it.
        input.Start = new DateTime(2021, 4, 16, 1, 0, 0, DateTimeKind.Utc);
        input.End = new DateTime(2021, 4, 16, 8, 30, 0);

        var errors = Check(input).Errors;
        errors.Keys.ShouldBe(["end"]);
        errors["end"].ShouldBe(["结束时间早于开始时间。"]);

        input.End = new DateTime(2021, 4, 16, 9, 30, 0);
        Check(input).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_coordinator_names_one_of_their_own_units_taking_part_in_the_campaign_and_an_admin_any()
    {
        var others = FreeClinic();
        others.UnitIds = [Lung];
        var outside = FreeClinic();
        outside.UnitIds = [Liver];
        var joint = FreeClinic();
        joint.UnitIds = [Breast, Lung];
        var unknown = FreeClinic();
        unknown.UnitIds = [Breast, 999];

        Check(others).Errors["unitIds"].ShouldBe(["您只能为自己负责的单位登记活动。"]);
        Check(outside).Errors["unitIds"].ShouldBe([$"单位 {Liver} 未参与此活动项目；可请管理员将其加入项目。"]);
        Check(joint).Errors.ShouldBeEmpty();
        Check(unknown).Errors["unitIds"].ShouldBe(["参与单位 999 不存在。"]);
        Check(others, Admin).Errors.ShouldBeEmpty();
        Check(outside, Admin).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Figures_must_be_known_counts_whole_and_none_negative_or_above_the_cap()
    {
        var input = FreeClinic();
        input.Figures = new() { ["patients_benefited"] = 12.5m, ["donations"] = 12.5m, ["likes"] = 3 };
        var errors = Check(input).Errors;
        errors.Keys.ShouldBe(["figures.patients_benefited", "figures.likes"], ignoreOrder: true);
        errors["figures.patients_benefited"].ShouldBe(["此项是计数，请填写整数。"]);

        input.Figures = new() { ["patients_benefited"] = -1, ["donations"] = 1_000_000_000_000.5m };
        errors = Check(input).Errors;
        errors["figures.patients_benefited"].ShouldBe(["数值不能为负数。"]);
        errors["figures.donations"].ShouldBe(["数值过大。"]);

        input.Figures = new() { ["patients_benefited"] = 1_000_000_000_000m, ["donations"] = 0.25m };
        Check(input).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Places_must_exist_and_a_stop_number_starts_at_one()
    {
        var input = FreeClinic();
        (input.VenueId, input.HostOrganisationId, input.StopNumber) = (8, 9, 0);

        Check(input).Errors.Keys.ShouldBe(["venueId", "hostOrganisationId", "stopNumber"], ignoreOrder: true);

        (input.VenueId, input.HostOrganisationId, input.StopNumber) = (7, null, 1);
        Check(input).Errors.ShouldBeEmpty();
        input.StopNumber = EventLimits.MaxStopNumber + 1;
        Check(input).Errors.Keys.ShouldBe(["stopNumber"]);
    }

    [Fact]
    public void A_handover_names_a_known_next_host_and_a_team_size_is_between_one_and_the_cap()
    {
        var input = FreeClinic();
        (input.NextHostOrganisationId, input.ExpertTeamSize) = (9, 0);
        Check(input).Errors.Keys.ShouldBe(["nextHostOrganisationId", "expertTeamSize"], ignoreOrder: true);

        (input.NextHostOrganisationId, input.HandoverFrom, input.ExpertTeamSize) = (null, "温准院长", EventLimits.MaxExpertTeamSize + 1);
        Check(input).Errors.Keys.ShouldBe(["nextHostOrganisationId", "expertTeamSize"], ignoreOrder: true);

        (input.NextHostOrganisationId, input.HandoverTo, input.ExpertTeamSize) = (9, new string('王', EventLimits.HandoverPersonMaxLength + 1), 10);
        var withHost = Context with { Organisations = new HashSet<int> { 9 } };
        Check(input, context: withHost).Errors.Keys.ShouldBe(["handoverTo"]);
        input.HandoverTo = "副院长王国勇";
        Check(input, context: withHost).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void People_have_a_known_role_a_title_only_on_a_talk_and_no_topic_on_the_team()
    {
        var input = FreeClinic();
        input.People =
        [
            new PersonInput { Name = "刘宇", TalkTitle = "肺癌质控标准解读" },
            new PersonInput { Name = "王国勇", Role = "moderator", Topic = "肺癌专题讨论" },
            new PersonInput { Name = "张勇", Role = "chair" },
            new PersonInput { Name = "李达兴", Role = "moderator", TalkTitle = "学术分享" },
            new PersonInput { Name = "刘宏旭", Role = "team_leader", Topic = "义诊" },
            new PersonInput { Name = " ", Role = "expert", Department = new string('科', EventLimits.PersonDepartmentMaxLength + 1) },
        ];

        var errors = Check(input).Errors;

        errors.Keys.ShouldBe(["people[2].role", "people[3].talkTitle", "people[4].topic", "people[5].name", "people[5].department"], ignoreOrder: true);
        errors["people[2].role"].Single().ShouldContain("team_leader");
    }

    [Fact]
    public void An_unknown_campaign_is_named_but_a_date_outside_the_campaign_is_not_an_error()
    {
        var input = FreeClinic();
        (input.Start, input.End) = (new DateTime(2022, 1, 1, 9, 0, 0), new DateTime(2022, 1, 1, 10, 0, 0));

        Check(input).Errors.ShouldBeEmpty();
        Check(input, context: Context with { CampaignExists = false }).Errors.Keys.ShouldBe(["campaignId"]);
    }
}
