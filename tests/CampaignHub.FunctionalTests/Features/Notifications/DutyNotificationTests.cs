using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Notifications;

namespace CampaignHub.FunctionalTests.Features.Notifications;

/// <summary>The person on duty hears of being put on a roster, of a changed shift and of being taken off; not of their own changes.</summary>
public sealed class DutyNotificationTests
{
    [Fact]
    public async Task The_person_on_duty_is_told_when_assigned_changed_and_removed()
    {
        await using var smtp = new TestSmtpServer().Start();
        await using var app = new NotificationApp(smtp.Port);
        var people = await NotificationPeople.AddAsync(app);
        var campaign = await people.CampaignAsync(app);
        var ev = await app.AddEventAsync(people.Breast1, campaign, new DateTime(2021, 4, 28, 9, 0, 0), title: "乳腺癌义诊", units: people.Breast);
        var coordinator = people.Breast1;

        var saved = await app.AsAsync<DutyService, SavedDuty>(coordinator, s => s.AssignAsync(coordinator, ev.Id, new DutyInput
        {
            UserId = people.Staff.UserId, Role = "nurse", Start = new DateTime(2021, 4, 28, 9, 0, 0), End = new DateTime(2021, 4, 28, 10, 0, 0),
        }));
        var changed = await app.AsAsync<DutyService, SavedDuty>(coordinator, s => s.UpdateAsync(coordinator, saved.Id, new DutyInput
        {
            UserId = people.Staff.UserId, Role = "nurse", Start = new DateTime(2021, 4, 28, 9, 30, 0), End = new DateTime(2021, 4, 28, 11, 0, 0),
        }, saved.Version));
        await app.AsAsync<DutyService>(coordinator, s => s.RemoveAsync(coordinator, changed.Id, changed.Version));
        await app.SendMailAsync();

        (await app.NotificationsOfAsync(people.Staff.UserId)).Select(n => (n.Kind, n.Link))
            .ShouldBe([(NotificationKind.DutyAssigned, $"/events/{ev.Id}"), (NotificationKind.DutyChanged, $"/events/{ev.Id}"), (NotificationKind.DutyRemoved, $"/events/{ev.Id}")]);
        smtp.To(NotificationPeople.StaffEmail).Select(m => m.Subject).ShouldBe(["值班安排：乳腺癌义诊", "值班变更：乳腺癌义诊", "值班取消：乳腺癌义诊"], ignoreOrder: true);
        smtp.To(NotificationPeople.StaffEmail).Single(m => m.Subject == "值班变更：乳腺癌义诊").TextBody!
            .ShouldContain("2021-04-28 09:30–11:00");
        (await app.NotificationsOfAsync(coordinator.UserId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nobody_is_notified_of_a_duty_they_gave_themselves()
    {
        await using var app = new NotificationApp(smtpPort: null);
        var people = await NotificationPeople.AddAsync(app);
        var campaign = await people.CampaignAsync(app);
        var ev = await app.AddEventAsync(people.Breast1, campaign, new DateTime(2021, 4, 28, 9, 0, 0), units: people.Breast);

        await app.AsAsync<DutyService, SavedDuty>(people.Breast1, s => s.AssignAsync(people.Breast1, ev.Id, new DutyInput
        {
            UserId = people.Breast1.UserId, Role = "nurse", Start = new DateTime(2021, 4, 28, 9, 0, 0), End = new DateTime(2021, 4, 28, 10, 0, 0),
        }));

        (await app.NotificationsOfAsync(people.Breast1.UserId)).ShouldBeEmpty();
    }
}
