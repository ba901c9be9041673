using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Events;

public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");

        events.MapGet("/", async (
                EventService service, IStringLocalizer<SharedResource> localizer,
                int? campaignId, int? unitId, string? kind, string? channel, string? status,
                DateOnly? from, DateOnly? to, string? text, string? sortBy, bool? descending, int? page, int? pageSize,
                CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                RequireCode<EventKind>(errors, "kind", kind, localizer["Event_Error_UnknownKind"], string.Join(", ", Codes<EventKind>.All));
                RequireCode<EventChannel>(errors, "channel", channel, localizer["Event_Error_UnknownChannel"], "");
                RequireCode<EventStatus>(errors, "status", status, localizer["Event_Error_UnknownStatus"], "");
                if (from is not null && to is not null && to < from)
                {
                    errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
                }

                errors.ThrowIfAny();
                return await service.ListAsync(new EventQuery
                {
                    CampaignId = campaignId, UnitId = unitId, Kind = kind, Channel = channel, Status = status,
                    From = from, To = to, Text = text, SortBy = sortBy, Descending = descending ?? false,
                    Page = page ?? 1, PageSize = pageSize ?? 25,
                }, cancellationToken);
            })
            .WithSummary("Events, filtered and paged: { items, totalCount, page, pageSize }.");

        events.MapGet("/{id:int}", async Task<Results<Ok<EventDetails>, NotFound>> (int id, EventService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One event with its units, the people on its programme (role, post, department, organisation, talk title or topic), a roadshow stop's handover, photos and figures.");

        events.MapPost("/", async (EventInput input, ApiActor caller, EventService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/events/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Logs an event (admins; coordinators for their own units). A roadshow stop names its series and stop number, host, visiting team, programme (people, with speakers still accepted) and the next stop's host.");

        events.MapPut("/{id:int}", async (int id, EventInput input, ApiActor caller, EventService service,
                CancellationToken cancellationToken) =>
                // The service asks for the version after the permission check: a caller who may not write gets 403, not 400.
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces an event; send the version you read. 409 with the current event if someone saved first.");

        events.MapDelete("/{id:int}", async (int id, long? version, ApiActor caller, EventService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes an event with its figures; with ?version= only if nobody changed it since.");

        api.MapEventPhotoEndpoints();
        return api;
    }

    private static void RequireCode<TEnum>(ValidationErrors errors, string field, string? value, string format, string allowed)
        where TEnum : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(value) && !Codes<TEnum>.TryParse(value, out _))
        {
            errors.Add(field, string.Format(format, value, allowed));
        }
    }
}
