using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Notifications;

/// <summary>
/// Reminders go to the coordinators of units that have not submitted, before the due date and when it has passed,
/// exactly once per unit, period and kind: with two app instances sending at once, and when the sender is killed
/// half-way and started again (nobody gets a second copy, nobody is skipped). The clock stands at noon on 25 April 2021.
/// </summary>
public sealed class ReminderDeliveryTests
{
    [Fact]
    public async Task Units_that_have_not_submitted_are_reminded_before_the_due_date_and_when_overdue_once_each()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var app = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(app);
        var campaign = await people.CampaignAsync(app);
        // Due tomorrow (within the two days before), and due five days ago.
        await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 19), new(2021, 4, 25), new(2021, 4, 26), "第二周");
        await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 12), new(2021, 4, 18), new(2021, 4, 20), "第一周");
        var submitted = await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 26), new(2021, 5, 2), new(2021, 4, 26), "第三周");
        await app.SubmitAsync(people.Breast1, submitted.Id, people.Breast);

        (await app.RemindAsync()).ShouldBe(5); // lung: weeks 1, 2, 3; breast: weeks 1, 2 (week 3 is submitted)
        (await app.RemindAsync()).ShouldBe(0);
        await app.SendMailAsync();

        smtp.To(NotificationPeople.Breast1Email).Select(m => m.Subject).ShouldBe(
            ["乳腺癌专委会：“第二周”将于2021-04-26截止报送", "已逾期：乳腺癌专委会尚未报送“第一周”"], ignoreOrder: true);
        var overdue = smtp.To(NotificationPeople.LungEmail).Single(m => m.Subject?.StartsWith("已逾期") == true);
        overdue.TextBody!.ShouldContain("肺癌专委会“第一周”的报送已于2021-04-20截止，目前尚未报送，请尽快报送。");
        smtp.To(NotificationPeople.Breast2Email).Select(m => m.Subject).ShouldBe(
            ["Breast Cancer Committee: 第二周 is due on 2021-04-26", "Overdue: Breast Cancer Committee has not submitted 第一周"], ignoreOrder: true);
        smtp.To(NotificationPeople.LungEmail).Count.ShouldBe(3);
        (await app.NotificationsOfAsync(people.Breast1.UserId)).Select(n => n.Kind)
            .ShouldBe([NotificationKind.ReminderBeforeDue, NotificationKind.ReminderOverdue], ignoreOrder: true);
        smtp.To(NotificationPeople.StaffEmail).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_app_instances_sending_at_once_deliver_each_reminder_exactly_once()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var first = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(first);
        await using var second = first.Restart(NotificationApp.Start, smtp.Port);
        for (var i = 0; i < 4; i++)
        {
            var campaign = await people.CampaignAsync(first);
            await first.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 12), new(2021, 4, 18), new(2021, 4, 20), $"第{i + 1}周");
        }

        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).RemindAsync()));
        await Task.WhenAll(first.SendMailAsync(), second.SendMailAsync(), first.SendMailAsync(), second.SendMailAsync());

        passes.Sum().ShouldBe(8); // 4 periods × 2 units, each delivered by one instance only
        foreach (var coordinator in new[] { people.Breast1, people.Breast2En, people.LungCoordinator })
        {
            (await first.NotificationsOfAsync(coordinator.UserId)).Count.ShouldBe(4);
        }

        smtp.To(NotificationPeople.Breast1Email).Select(m => m.Subject).Order()
            .ShouldBe(Enumerable.Range(1, 4).Select(i => $"已逾期：乳腺癌专委会尚未报送“第{i}周”").Order());
        smtp.Messages.Count.ShouldBe(12);
        smtp.Messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public async Task A_reminder_job_killed_half_way_neither_repeats_nor_skips_anyone_after_a_restart()
    {
        await using var smtp = new TestSmtpServer().Start();
        // The first instance holds the database folder; the one that is killed is a second instance on it.
        await using var owner = new NotificationApp(smtpPort: null);
        var people = await NotificationPeople.AddAsync(owner);
        for (var i = 0; i < 3; i++)
        {
            var campaign = await people.CampaignAsync(owner);
            await owner.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 12), new(2021, 4, 18), new(2021, 4, 20), $"第{i + 1}周");
        }

        var killed = owner.Restart(NotificationApp.Start, smtp.Port);

        // The job's own steps, stopped after its first delivery: it recorded and claimed all six, delivered one, died.
        await using (var scope = killed.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ReminderSender>();
            await sender.RecordDueAsync(CancellationToken.None);
            var claimed = await sender.ClaimAsync(CancellationToken.None);
            claimed.Count.ShouldBe(6);
            (await sender.DeliverAsync(claimed[0], CancellationToken.None)).ShouldBeTrue();
        }

        await killed.DisposeAsync();

        // Restarted while the dead instance's claims still hold: nothing is taken from under them.
        await using var early = owner.Restart(NotificationApp.Start.AddSeconds(30), smtp.Port);
        (await early.RemindAsync()).ShouldBe(0);
        await early.DisposeAsync();

        // Once they lapse, the rest go out, and the delivered one is not sent again.
        await using var restarted = owner.Restart(NotificationApp.Start.AddMinutes(5), smtp.Port);
        (await restarted.RemindAsync()).ShouldBe(5);
        (await restarted.RemindAsync()).ShouldBe(0);
        await restarted.SendMailAsync();

        foreach (var coordinator in new[] { people.Breast1, people.Breast2En, people.LungCoordinator })
        {
            (await restarted.NotificationsOfAsync(coordinator.UserId)).Count.ShouldBe(3);
        }

        smtp.To(NotificationPeople.LungEmail).Select(m => m.Subject).Order()
            .ShouldBe(Enumerable.Range(1, 3).Select(i => $"已逾期：肺癌专委会尚未报送“第{i}周”").Order());
        smtp.Messages.Count.ShouldBe(9);
        await using var db = await restarted.DbAsync();
        (await db.ReminderRequests.CountAsync(r => r.DeliveredAt == null)).ShouldBe(0);
    }

    [Fact]
    public async Task A_unit_that_submits_before_its_reminder_goes_out_is_not_reminded()
    {
        await using var app = new NotificationApp(smtpPort: null);
        var people = await NotificationPeople.AddAsync(app);
        var campaign = await people.CampaignAsync(app);
        var period = await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 12), new(2021, 4, 18), new(2021, 4, 20), "第一周");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderSender>().RecordDueAsync(CancellationToken.None);
        }

        await app.SubmitAsync(people.Breast1, period.Id, people.Breast);
        await app.RemindAsync();

        (await app.NotificationsOfAsync(people.Breast1.UserId)).ShouldBeEmpty();
        (await app.NotificationsOfAsync(people.LungCoordinator.UserId)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.ReminderOverdue);
    }

    [Fact]
    public async Task The_background_service_delivers_reminders_and_their_emails_by_itself()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var app = new NotificationApp(smtp.Port);
        app.Settings["Notifications:Background"] = "true";
        app.Settings["Notifications:PollSeconds"] = "1";
        var people = await NotificationPeople.AddAsync(app);
        var campaign = await people.CampaignAsync(app);
        await app.AddPeriodAsync(people.Admin, campaign, new(2021, 4, 12), new(2021, 4, 18), new(2021, 4, 20), "第一周");

        for (var i = 0; i < 100 && smtp.Messages.Count < 3; i++)
        {
            await Task.Delay(200);
        }

        smtp.To(NotificationPeople.LungEmail).ShouldHaveSingleItem().Subject.ShouldBe("已逾期：肺癌专委会尚未报送“第一周”");
        smtp.Messages.Count.ShouldBe(3);
    }
}
