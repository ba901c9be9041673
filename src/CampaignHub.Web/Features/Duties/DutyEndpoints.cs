using CampaignHub.Web.Features.Api;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Duties;

public static class DutyEndpoints
{
    public static RouteGroupBuilder MapDutyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events/{id:int}/duties", async (int id, DutyService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.ListAsync(id, cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Duties")
            .WithSummary("The event's duty roster: who is on duty, in which role and shift.");

        api.MapPost("/events/{id:int}/duties", async (int id, DutyInput input, ApiActor caller, DutyService service, CancellationToken cancellationToken) =>
            {
                var saved = await service.AssignAsync(caller.Actor, id, input, cancellationToken);
                return TypedResults.Created($"/api/duties/{saved.Id}", saved);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Duties")
            .WithSummary("Puts someone (userId or userEmail) on duty with a role and a shift within the event's time. "
                         + "The answer's warnings name other events the person is on duty at meanwhile.");

        api.MapPut("/duties/{id:int}", async (int id, DutyInput input, ApiActor caller, DutyService service,
                CancellationToken cancellationToken) =>
                // The service asks for the version after the permission check: a caller who may not write gets 403, not 400.
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Duties")
            .WithSummary("Changes an assignment; send the version you read. 409 with the current assignment if someone saved first.");

        api.MapDelete("/duties/{id:int}", async (int id, long? version, ApiActor caller, DutyService service, CancellationToken cancellationToken) =>
            {
                await service.RemoveAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Duties")
            .WithSummary("Takes someone off the roster; with ?version= only if nobody changed the assignment since.");

        api.MapGet("/me/duties", async (bool? past, ApiActor caller, DutyService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.MyDutiesAsync(caller.Actor, past ?? false, cancellationToken)))
            .WithTags("Duties")
            .WithSummary("The caller's upcoming duties, soonest first; ?past=true for the latest past ones.");

        return api;
    }
}
