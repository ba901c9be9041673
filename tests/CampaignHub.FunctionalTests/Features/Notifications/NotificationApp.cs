using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Notifications;

/// <summary>
/// The real app with a clock the test moves (noon on 25 April 2021 in Shanghai to start) and, when given a port, an
/// SMTP server to send through. <see cref="Restart"/> starts another instance on the same database (a second app
/// instance, or the same one after it was killed).
/// </summary>
public sealed class NotificationApp : CampaignHubAppFactory
{
    public static readonly DateTimeOffset Start = new(2021, 4, 25, 4, 0, 0, TimeSpan.Zero);

    public NotificationApp(int? smtpPort, string? dataDirectory = null, DateTimeOffset? now = null, string? connectionString = null)
        : base(dataDirectory, connectionString)
    {
        Clock = new MovableTimeProvider(now ?? Start);
        if (smtpPort is { } port)
        {
            Settings["Smtp:Host"] = "127.0.0.1";
            Settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Smtp:From"] = "CampaignHub <noreply@campaignhub.test>";
            Settings["Smtp:UserName"] = "";
            Settings["Smtp:Password"] = "s3cret-smtp-password";
        }

        Settings["Notifications:RetryBaseSeconds"] = "60";
        Settings["Notifications:ClaimSeconds"] = "120";
    }

    public MovableTimeProvider Clock { get; }

    public NotificationApp Restart(DateTimeOffset now, int? smtpPort) => new(smtpPort, DataDirectory, now, ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> RemindAsync() => this.ServiceAsync<ReminderSender, int>(s => s.RunOnceAsync());

    public Task<int> SendMailAsync() => this.ServiceAsync<MailSender, int>(s => s.SendDueAsync());

    public async Task<List<Notification>> NotificationsOfAsync(string userId)
    {
        await using var db = await this.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync();
    }
}

/// <summary>Two units, two coordinators of the breast unit (one reads English), one of the lung unit, an admin and a staff member.</summary>
public sealed record NotificationPeople(
    int Breast, int Lung, Actor Admin, Actor Breast1, Actor Breast2En, Actor LungCoordinator, Actor Staff)
{
    public const string Breast1Email = "breast1@test.local";
    public const string Breast2Email = "breast2@test.local";
    public const string LungEmail = "lung@test.local";
    public const string StaffEmail = "staff@test.local";

    public static async Task<NotificationPeople> AddAsync(CampaignHubAppFactory app)
    {
        var breast = await app.AddUnitAsync("乳腺癌专委会");
        var lung = await app.AddUnitAsync("肺癌专委会");
        await using (var db = await app.DbAsync())
        {
            await db.Units.Where(u => u.Id == breast).ExecuteUpdateAsync(s => s.SetProperty(u => u.NameEn, "Breast Cancer Committee"));
        }

        var admin = await app.CreateUserAsync("admin-notify@test.local", Roles.Admin);
        var b1 = await app.CreateUserAsync(Breast1Email, Roles.Coordinator, breast);
        var b2 = await app.CreateUserAsync(Breast2Email, Roles.Coordinator, breast);
        var l = await app.CreateUserAsync(LungEmail, Roles.Coordinator, lung);
        var staff = await app.CreateUserAsync(StaffEmail, Roles.Staff);
        await using (var db = await app.DbAsync())
        {
            await db.Users.Where(u => u.Id == b2).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "en"));
        }

        return new NotificationPeople(breast, lung, await app.ActorAsync(admin), await app.ActorAsync(b1), await app.ActorAsync(b2),
            await app.ActorAsync(l), await app.ActorAsync(staff));
    }

    public Task<int> CampaignAsync(CampaignHubAppFactory app) =>
        app.AddCampaignAsync($"宣传周-{Guid.NewGuid():N}", new(2021, 4, 10), new(2021, 5, 31), Breast, Lung);
}
