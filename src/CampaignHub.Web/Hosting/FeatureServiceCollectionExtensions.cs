using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Audit;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Units;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Notifications;
using CampaignHub.Web.Features.Organisations;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Reporting;
using CampaignHub.Web.Features.Reports.Drafts;
using CampaignHub.Web.Features.Reports.Locks;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Schedule;
using CampaignHub.Web.Features.Spreadsheets;
using CampaignHub.Web.Features.Totals;
using CampaignHub.Web.Features.Users;

namespace CampaignHub.Web.Hosting;

/// <summary>The domain's services. Scoped: one per request or Blazor circuit; each opens short-lived DbContexts.</summary>
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AssociationClock>();
        services.AddScoped<ActorResolver>();
        services.AddScoped<MetricCatalogueSeeder>();
        services.AddScoped<ShanxiDemoSeeder>();
        services.AddScoped<Data.Seeding.Tianjin.TianjinDemoSeeder>();
        services.AddScoped<Data.Seeding.Liaoning.LiaoningDemoSeeder>();
        services.AddScoped<Data.Seeding.WesternChina.WesternChinaDemoSeeder>();
        services.AddScoped<Data.Seeding.Xiangtan.XiangtanDemoSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<EventInputValidator>();
        services.AddScoped<EventService>();
        services.AddScoped<TotalsService>();
        services.AddScoped<CampaignStatisticsService>();
        services.AddScoped<SpreadsheetImportService>();
        services.AddScoped<SpreadsheetExportService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<UnitService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<MetricDefinitionService>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<AuditService>();
        services.AddScoped<EventLookupService>();
        services.AddScoped<CampaignFigureService>();
        services.AddScoped<UnusualFigureService>();
        services.AddScoped<CampaignHub.Web.Features.Reporting.ISubmissionCheck, UnusualFiguresCheck>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<SchedulePrintService>();
        services.AddScoped<DutyService>();
        services.AddScoped<ReportLockService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarFeedRenderer>();
        services.AddScoped<SummaryReportService>();
        services.AddScoped<SummaryReportArchive>();
        services.AddScoped<ReportDraftService>();
        services.AddScoped<ReportingAccess>();
        services.AddScoped<ReportingPeriodService>();
        services.AddScoped<SubmissionFigures>();
        services.AddScoped<SubmissionService>();
        services.AddScoped<CompletenessService>();
        services.AddScoped<ReportApprovals>();
        services.AddScoped<UnitActivitySummaryService>();
        services.AddNotifications();
        return services;
    }

    /// <summary>In-app notifications, the e-mail queue and its sender, and the reminders' background delivery.</summary>
    private static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpSettings>().BindConfiguration(SmtpSettings.Section);
        services.AddOptions<NotificationSettings>().BindConfiguration(NotificationSettings.Section);
        services.AddSingleton<SenderIdentity>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationService>();
        services.AddScoped<MailStatusService>();
        services.AddScoped<MailSender>();
        services.AddScoped<ReminderSender>();
        services.AddHostedService<NotificationDelivery>();
        return services;
    }
}
