using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Notifications;

/// <summary>
/// A returned and an approved submission reach the unit's coordinators in the app (the bell) and by e-mail through a
/// real SMTP server, each in the language they chose; other units' coordinators hear nothing. Without SMTP settings no
/// e-mail is queued or sent and the notifications are still in the app; with the server down the e-mail waits, is
/// shown failing to admins, and goes out once when the server is back.
/// </summary>
public sealed class SubmissionNotificationTests
{
    [Fact]
    public async Task A_returned_submission_tells_the_units_coordinators_which_event_and_figure_and_the_comment()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var app = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(app);
        var (period, submission, eventId) = await SubmittedAsync(app, people, "宣传周-退回");

        await app.AsAsync<SubmissionService, SubmissionView>(people.Admin, s => s.ReturnAsync(people.Admin, submission,
            new ReturnInput { Comment = "患者人数应为 210", EventId = eventId, MetricCode = "patients_benefited" }));
        (await app.SendMailAsync()).ShouldBe(2);

        var zh = smtp.To(NotificationPeople.Breast1Email).ShouldHaveSingleItem();
        zh.Subject.ShouldBe("乳腺癌专委会·宣传周-退回：报送被退回修改");
        zh.TextBody!.ShouldContain("乳腺癌专委会“宣传周-退回”的报送被退回，涉及活动“乳腺癌义诊”的指标“患者受益人数”。意见：患者人数应为 210");
        zh.TextBody!.ShouldContain($"/reporting/periods/{period}/units/{people.Breast}");
        zh.From.Mailboxes.Single().Address.ShouldBe("noreply@campaignhub.test");
        var en = smtp.To(NotificationPeople.Breast2Email).ShouldHaveSingleItem();
        en.Subject.ShouldBe("Breast Cancer Committee · 宣传周-退回: returned for correction");
        en.TextBody!.ShouldContain("the figure “Patients who benefited” of the event “乳腺癌义诊”. Comment: 患者人数应为 210");
        smtp.To(NotificationPeople.LungEmail).ShouldBeEmpty();

        var inApp = (await app.NotificationsOfAsync(people.Breast1.UserId)).ShouldHaveSingleItem();
        inApp.Kind.ShouldBe(NotificationKind.SubmissionReturned);
        inApp.Link.ShouldBe($"/reporting/periods/{period}/units/{people.Breast}");
        (await app.NotificationsOfAsync(people.LungCoordinator.UserId)).ShouldBeEmpty();
        (await app.SendMailAsync()).ShouldBe(0);
        smtp.Messages.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_approved_submission_tells_the_coordinators_and_the_bell_lists_it_in_the_readers_language()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var app = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(app);
        var (_, submission, _) = await SubmittedAsync(app, people, "宣传周-通过");

        await app.ApproveAsync(people.Admin, submission);
        await app.SendMailAsync();

        var mail = smtp.To(NotificationPeople.Breast1Email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("乳腺癌专委会·宣传周-通过：报送已审核通过");
        mail.TextBody!.ShouldContain("乳腺癌专委会“宣传周-通过”的报送已审核通过");
        smtp.To(NotificationPeople.Breast2Email).ShouldHaveSingleItem().Subject.ShouldBe("Breast Cancer Committee · 宣传周-通过: approved");

        var client = await app.ApiClientAsync(people.Breast1.UserId);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/notifications");
        list.GetProperty("unread").GetInt32().ShouldBe(1);
        var item = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (item.GetProperty("kind").GetString(), item.GetProperty("title").GetString(), item.GetProperty("read").GetBoolean())
            .ShouldBe(("submission_approved", "Breast Cancer Committee · 宣传周-通过: approved", false));
        var id = item.GetProperty("id").GetInt64();

        var other = await app.ApiClientAsync(people.LungCoordinator.UserId);
        (await other.PostAsync($"/api/notifications/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var read = await client.PostAsync($"/api/notifications/{id}/read", null);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32().ShouldBe(0);
        (await client.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.GetAsync("/api/notifications?take=100000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_smtp_settings_no_email_is_queued_and_the_notifications_are_still_in_the_app()
    {
        await using var app = new NotificationApp(smtpPort: null);
        var people = await NotificationPeople.AddAsync(app);
        var (_, submission, _) = await SubmittedAsync(app, people, "宣传周-无邮件");

        await app.ApproveAsync(people.Admin, submission);

        (await app.SendMailAsync()).ShouldBe(0);
        await using (var db = await app.DbAsync())
        {
            (await db.OutgoingEmails.CountAsync()).ShouldBe(0);
        }

        (await app.NotificationsOfAsync(people.Breast1.UserId)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.SubmissionApproved);
        var admin = await app.ApiClientAsync(people.Admin.UserId);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/admin/mail");
        status.GetProperty("configured").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task With_the_smtp_server_down_the_email_waits_admins_see_the_failure_and_it_goes_out_once_when_the_server_is_back()
    {
        var smtp = new TestSmtpServer(); // not listening yet: the server is down
        await using var app = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(app);
        var (_, submission, _) = await SubmittedAsync(app, people, "宣传周-服务器故障");

        await app.ApproveAsync(people.Admin, submission);
        (await app.SendMailAsync()).ShouldBe(0);

        var admin = await app.ApiClientAsync(people.Admin.UserId);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/admin/mail");
        status.GetProperty("failing").GetInt32().ShouldBe(2);
        var failure = status.GetProperty("failures").EnumerateArray().First();
        failure.GetProperty("attempts").GetInt32().ShouldBe(1);
        failure.GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        status.ToString().ShouldNotContain("s3cret-smtp-password");
        app.ReadLog().ShouldNotContain("s3cret-smtp-password");
        // The app keeps working: the coordinator reads the notice in the app.
        var coordinator = await app.ApiClientAsync(people.Breast1.UserId);
        (await coordinator.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("unread").GetInt32().ShouldBe(1);

        // Within the back-off nothing is tried again; after it, with the server up, each e-mail goes out once.
        await using var up = smtp.Start();
        (await app.SendMailAsync()).ShouldBe(0);
        up.Messages.ShouldBeEmpty();
        app.Clock.Now = app.Clock.Now.AddSeconds(61);
        (await app.SendMailAsync()).ShouldBe(2);
        (await app.SendMailAsync()).ShouldBe(0);
        up.To(NotificationPeople.Breast1Email).Count.ShouldBe(1);
        up.To(NotificationPeople.Breast2Email).Count.ShouldBe(1);
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/mail")).GetProperty("failing").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Only_admins_see_email_delivery()
    {
        await using var app = new NotificationApp(smtpPort: null);
        var people = await NotificationPeople.AddAsync(app);
        var staff = await app.ApiClientAsync(people.Staff.UserId);
        var coordinator = await app.ApiClientAsync(people.Breast1.UserId);

        (await staff.GetAsync("/api/admin/mail")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/api/admin/mail")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A period of its own, an event of the breast unit with a figure, submitted by its coordinator.</summary>
    internal static async Task<(int Period, int Submission, int EventId)> SubmittedAsync(NotificationApp app, NotificationPeople people, string periodName)
    {
        var campaign = await people.CampaignAsync(app);
        var period = await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30), periodName);
        var ev = await app.AddEventAsync(people.Breast1, campaign, new DateTime(2021, 4, 16, 9, 0, 0),
            new Dictionary<string, decimal> { ["patients_benefited"] = 120 }, units: people.Breast);
        var submitted = await app.SubmitAsync(people.Breast1, period.Id, people.Breast);
        return (period.Id, submitted.Id!.Value, ev.Id);
    }
}
