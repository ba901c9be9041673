using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reporting;

public static class ReportingEndpoints
{
    private const string Statuses = "not_started, draft, submitted, returned, approved, excused";

    public static RouteGroupBuilder MapReportingEndpoints(this RouteGroupBuilder api)
    {
        var reporting = api.MapGroup("").WithTags("Reporting");

        reporting.MapGet("/campaigns/{id:int}/reporting-periods", (int id, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
                periods.ListAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The campaign's reporting periods in date order (admins and coordinators): {id, name, nameEn, from, to, dueDate, version}.");

        reporting.MapPost("/campaigns/{id:int}/reporting-periods", async (int id, ReportingPeriodInput input, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
            {
                var created = await periods.CreateAsync(caller.Actor, id, input, cancellationToken);
                return TypedResults.Created($"/api/reporting-periods/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Adds a reporting period (admins only): {name, nameEn, from, to, dueDate} as YYYY-MM-DD. 400 naming the field when it lies outside "
                         + "the campaign, ends before it starts, is due before it starts or overlaps another period of the campaign.");

        reporting.MapPost("/campaigns/{id:int}/reporting-periods/weekly", async (int id, WeeklyPeriodsInput input, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
                TypedResults.Created($"/api/campaigns/{id}/reporting-periods", await periods.GenerateWeeklyAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Adds one period per week (admins only) from {from} to {to} (default: the whole campaign), named 第N周 / Week N, each due the Monday "
                         + "after it ends; the campaign's periods after it. 400 when a week would overlap an existing period.");

        reporting.MapGet("/reporting-periods/{id:int}", (int id, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
                periods.GetAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One reporting period (admins and coordinators).");

        reporting.MapPut("/reporting-periods/{id:int}", async (int id, ReportingPeriodInput input, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
                TypedResults.Ok(await periods.UpdateAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes a reporting period (admins only); send the version read. 409 with the current period if someone saved first.");

        reporting.MapDelete("/reporting-periods/{id:int}", async (int id, long? version, ApiActor caller, ReportingPeriodService periods, CancellationToken cancellationToken) =>
            {
                await periods.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Removes a reporting period nobody has submitted for or been reminded of (admins only).");

        reporting.MapGet("/reporting-periods/{id:int}/completeness", (int id, string? status, string? late, string? unitKind, ApiActor caller,
                CompletenessService completeness, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                completeness.GetPeriodAsync(caller.Actor, id, Filter(status, late, unitKind, localizer), cancellationToken))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who has reported for the period (admins only): {submitted, total, late, counts, units: [{unitId, name, status, submittedAt, late, submissionId}]} "
                         + "with status one of " + Statuses + ". Filters ?status=&late=true|false&unitKind= narrow the units, never the counts.");

        reporting.MapGet("/campaigns/{id:int}/completeness", (int id, string? status, string? late, string? unitKind, ApiActor caller,
                CompletenessService completeness, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                completeness.GetBoardAsync(caller.Actor, id, Filter(status, late, unitKind, localizer), cancellationToken))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The completeness board (admins only): every period with its counts and every unit with its status, late flag and submission in each "
                         + "period. Filters as for one period; a unit stays when any of its periods matches.");

        reporting.MapPost("/reporting-periods/{id:int}/submissions", async (int id, SubmitInput input, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
            {
                var view = await submissions.SubmitAsync(caller.Actor, id, input, cancellationToken);
                return TypedResults.Created($"/api/submissions/{view.Id}", view);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submits a unit's figures for the period (the unit's coordinators and admins): {unitId, note?, draft?, version?}; 201 with the submission "
                         + "{id, status, totals, ...} and a snapshot of what was submitted. With draft: true only the note is kept. 403 for another unit's "
                         + "coordinator and for staff; 409 with the current status when already submitted, approved or excused.");

        reporting.MapGet("/reporting-periods/{id:int}/units/{unitId:int}/submission", (int id, int unitId, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                submissions.GetAsync(caller.Actor, id, unitId, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A unit's report for the period as it stands, even before anything was stored (status not_started, id null): totals, events, checklist.");

        reporting.MapGet("/reporting-periods/{id:int}/units/{unitId:int}/activity-summary.xlsx", async (int id, int unitId, ApiActor caller, UnitActivitySummaryService summaries, CancellationToken cancellationToken) =>
            {
                var file = await summaries.XlsxAsync(caller.Actor, id, unitId, cancellationToken);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The unit's activity summary for the period (活动总结表, CACA style) as XLSX: hospitals and groups taking part, activities by kind "
                         + "(offline and online, attendees and viewers), materials, staff, direct and expected beneficiaries, media. From the submission as "
                         + "submitted, else the figures now. The unit's coordinators and admins; others 403.");

        reporting.MapGet("/reporting-periods/{id:int}/units/{unitId:int}/activity-summary.pdf", async (int id, int unitId, ApiActor caller, UnitActivitySummaryService summaries, CancellationToken cancellationToken) =>
            {
                var file = await summaries.PdfAsync(caller.Actor, id, unitId, cancellationToken);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The same activity summary as an A4 PDF. The unit's coordinators and admins; others 403.");

        reporting.MapGet("/submissions/{id:int}", (int id, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                submissions.GetAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A submission (admins and the unit's coordinators): status, late, totals now and as submitted, events flagged added/changed/removed "
                         + "since submitting, changesSinceSubmitting, changesInResubmission (what the last resubmission changed), returnedItems, checklist.");

        reporting.MapPost("/submissions/{id:int}/return", async (int id, ReturnInput input, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await submissions.ReturnAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Returns a submission to its unit with a comment (admins only): {comment (at most 2,000 characters), eventId?, metricCode?, version?}: "
                         + "on an event, on one of its figures (eventId and metricCode) or on a campaign-level figure (metricCode alone). 409 with the current "
                         + "status unless submitted or already returned.");

        reporting.MapPost("/submissions/{id:int}/approve", async (int id, ApproveInput? input, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await submissions.ApproveAsync(caller.Actor, id, input?.Version, cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approves a submitted report (admins only); body {version} optional. 409 with the current status when it is returned (awaiting "
                         + "resubmission), approved, excused or not submitted.");

        reporting.MapPost("/submissions/{id:int}/excuse", async (int id, ExcuseInput input, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await submissions.ExcuseSubmissionAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Excuses the unit from the period (admins only): {reason, version?}. 409 when approved or excused already.");

        reporting.MapPost("/reporting-periods/{id:int}/excusals", async (int id, ExcuseInput input, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await submissions.ExcuseAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Excuses a unit from the period whether or not it has started (admins only): {unitId, reason}.");

        reporting.MapPost("/reporting-periods/{id:int}/reminders", async (int id, ReminderInput? input, ApiActor caller, CompletenessService completeness, CancellationToken cancellationToken) =>
                TypedResults.Ok(await completeness.RequestRemindersAsync(caller.Actor, id, input, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Asks for a reminder to every unit that has not submitted (not started, draft or returned), or to those of {unitIds} (admins only). "
                         + "Recorded for delivery by e-mail and in-app; a unit already waiting for one is not asked twice. {requested, alreadyPending, notNeeded}.");

        reporting.MapGet("/events/{id:int}/returned-items", (int id, ApiActor caller, SubmissionService submissions, CancellationToken cancellationToken) =>
                submissions.OpenItemsForEventAsync(caller.Actor, id, cancellationToken))
            .WithSummary("The reviewers' open comments on an event and its figures, from the submissions the caller may see (empty for staff).");

        return api;
    }

    /// <summary>The board's filters from the query string; a value that names nothing is a field error.</summary>
    private static CompletenessQuery Filter(string? status, string? late, string? unitKind, IStringLocalizer localizer)
    {
        var errors = new ValidationErrors();
        SubmissionStatus? byStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Codes<SubmissionStatus>.TryParse(status, out var parsed))
            {
                byStatus = parsed;
            }
            else
            {
                errors.Add("status", string.Format(localizer["Reporting_Error_Status"], ValueEcho.Short(status), Statuses));
            }
        }

        bool? byLate = null;
        if (!string.IsNullOrWhiteSpace(late))
        {
            if (bool.TryParse(late, out var parsed))
            {
                byLate = parsed;
            }
            else
            {
                errors.Add("late", localizer["Api_Error_InvalidValue"]);
            }
        }

        UnitKind? byKind = null;
        if (!string.IsNullOrWhiteSpace(unitKind))
        {
            if (Codes<UnitKind>.TryParse(unitKind, out var parsed))
            {
                byKind = parsed;
            }
            else
            {
                errors.Add("unitKind", string.Format(localizer["Units_Error_UnknownKind"], ValueEcho.Short(unitKind), string.Join(", ", Codes<UnitKind>.All)));
            }
        }

        errors.ThrowIfAny();
        return new CompletenessQuery(byStatus, byLate, byKind);
    }
}
