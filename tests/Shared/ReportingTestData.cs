using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Testing;

/// <summary>Builders for the reporting cycle: periods set by an admin, events with figures, submissions, through the app's services.</summary>
public static class ReportingTestData
{
    public static Task<ReportingPeriodDetails> AddPeriodAsync(
        this CampaignHubAppFactory factory, Actor admin, int campaignId, DateOnly from, DateOnly to, DateOnly due, string name = "宣传周") =>
        factory.AsAsync<ReportingPeriodService, ReportingPeriodDetails>(admin, s => s.CreateAsync(admin, campaignId,
            new ReportingPeriodInput { Name = name, From = from, To = to, DueDate = due }));

    /// <summary>A held offline event of <paramref name="units"/> at <paramref name="start"/> with its figures.</summary>
    public static Task<EventDetails> AddEventAsync(
        this CampaignHubAppFactory factory, Actor actor, int campaignId, DateTime start, IReadOnlyDictionary<string, decimal>? figures = null,
        string status = "held", bool highlight = false, string title = "乳腺癌义诊", params int[] units) =>
        factory.AsAsync<EventService, EventDetails>(actor, s => s.CreateAsync(actor, new EventInput
        {
            CampaignId = campaignId,
            UnitIds = units.ToList(),
            Title = title,
            Kind = "free_clinic",
            Channel = "offline",
            Start = start,
            End = start.AddHours(2),
            Location = "山西省肿瘤医院门诊大厅",
            Status = status,
            Highlight = highlight,
            Figures = (figures ?? new Dictionary<string, decimal>()).ToDictionary(f => f.Key, f => f.Value),
        }));

    public static Task<SubmissionView> SubmitAsync(this CampaignHubAppFactory factory, Actor actor, int periodId, int unitId) =>
        factory.AsAsync<SubmissionService, SubmissionView>(actor, s => s.SubmitAsync(actor, periodId, new SubmitInput { UnitId = unitId }));

    public static Task<SubmissionView> ApproveAsync(this CampaignHubAppFactory factory, Actor admin, int submissionId) =>
        factory.AsAsync<SubmissionService, SubmissionView>(admin, s => s.ApproveAsync(admin, submissionId, null));

    public static Task<SubmissionView> ExcuseAsync(this CampaignHubAppFactory factory, Actor admin, int periodId, int unitId, string reason = "本周无活动") =>
        factory.AsAsync<SubmissionService, SubmissionView>(admin, s => s.ExcuseAsync(admin, periodId, new ExcuseInput { UnitId = unitId, Reason = reason }));

    public static async Task<T> ServiceAsync<TService, T>(this CampaignHubAppFactory factory, Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
