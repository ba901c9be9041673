using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>The reporting pages' words and colours for statuses, checklist items, changes and times.</summary>
public static class ReportingTexts
{
    public static string Status(IStringLocalizer localizer, SubmissionStatus status) => CodeTexts.Name(localizer, status);

    public static Color StatusColor(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Approved => Color.Success,
        SubmissionStatus.Submitted => Color.Info,
        SubmissionStatus.Returned => Color.Warning,
        SubmissionStatus.Excused => Color.Secondary,
        SubmissionStatus.Draft => Color.Tertiary,
        _ => Color.Default,
    };

    /// <summary>The CSS class of a board cell (app.css), as compact as a coloured square.</summary>
    public static string CellClass(SubmissionStatus status) => "cycle-cell cycle-" + Codes<SubmissionStatus>.Of(status);

    /// <summary>"committees", "科室": the word for the units of a board.</summary>
    public static string UnitsWord(IStringLocalizer localizer, UnitKind kind) => localizer[$"UnitKind_{Codes<UnitKind>.Of(kind)}_Plural"];

    public static string Checklist(IStringLocalizer localizer, ChecklistItemKind kind) => CodeTexts.Name(localizer, kind);

    public static string Change(IStringLocalizer localizer, SubmissionEventChange change) => CodeTexts.Name(localizer, change);

    /// <summary>A stored UTC time in the association's clock, to the minute.</summary>
    public static string Time(AssociationClock clock, DateTime? utc) =>
        utc is { } value ? clock.ToLocal(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Metric(IReadOnlyList<MetricOption> metrics, string? code) =>
        metrics.FirstOrDefault(m => m.Code == code) is { } metric ? metric.LocalName(UiLanguage.IsEnglish) : code ?? "";

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>One change in words: what and, for figures and statuses, from what to what.</summary>
    public static string Describe(IStringLocalizer localizer, IReadOnlyList<MetricOption> metrics, SubmissionChange change) => change.Kind switch
    {
        SubmissionChangeKind.Figure => string.Format(localizer["Reporting_Change_Figure"], change.EventTitle, Metric(metrics, change.MetricCode), Number(change.OldValue), Number(change.NewValue)),
        SubmissionChangeKind.Entry => string.Format(localizer["Reporting_Change_Entry"], Metric(metrics, change.MetricCode), change.Date is { } d ? Date(d) : "", Number(change.OldValue), Number(change.NewValue)),
        SubmissionChangeKind.EventStatus => string.Format(localizer["Reporting_Change_EventStatus"], change.EventTitle,
            StatusName(localizer, change.OldText), StatusName(localizer, change.NewText)),
        SubmissionChangeKind.EventTitle => string.Format(localizer["Reporting_Change_EventTitle"], change.OldText, change.NewText),
        SubmissionChangeKind.EventStart => string.Format(localizer["Reporting_Change_EventStart"], change.EventTitle, change.OldText, change.NewText),
        SubmissionChangeKind.EventAdded => string.Format(localizer["Reporting_Change_EventAdded"], change.EventTitle),
        SubmissionChangeKind.EventRemoved => string.Format(localizer["Reporting_Change_EventRemoved"], change.EventTitle),
        _ => string.Format(localizer["Reporting_Change_EventEdited"], change.EventTitle),
    };

    /// <summary>What a returned item is about: the submission, an event, one of its figures, or a campaign-level figure.</summary>
    public static string Target(IStringLocalizer localizer, IReadOnlyList<MetricOption> metrics, ReturnedItemView item) => (item.EventId, item.MetricCode) switch
    {
        (null, null) => localizer["Reporting_Target_Submission"],
        (not null, null) => item.EventTitle ?? $"#{item.EventId}",
        (not null, _) => $"{item.EventTitle ?? $"#{item.EventId}"} · {Metric(metrics, item.MetricCode)}",
        _ => string.Format(localizer["Reporting_Target_Entry"], Metric(metrics, item.MetricCode)),
    };

    private static string StatusName(IStringLocalizer localizer, string? code) =>
        Codes<EventStatus>.TryParse(code, out var status) ? CodeTexts.Name(localizer, status) : code ?? "";
}
