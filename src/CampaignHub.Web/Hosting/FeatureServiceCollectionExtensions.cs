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
using CampaignHub.Web.Features.Organisations;
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
        services.AddScoped<MetricDefinitionService>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<AuditService>();
        services.AddScoped<EventLookupService>();
        services.AddScoped<CampaignFigureService>();
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
        return services;
    }
}
