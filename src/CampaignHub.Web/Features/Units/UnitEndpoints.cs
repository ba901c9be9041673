using CampaignHub.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignHub.Web.Features.Units;

public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitEndpoints(this RouteGroupBuilder api)
    {
        Map(api.MapGroup("/units").WithTags("Units"));
        // The same endpoints under their name from before units of other kinds joined the committees.
        Map(api.MapGroup("/committees").ExcludeFromDescription());
        return api;
    }

    private static void Map(RouteGroupBuilder units)
    {
        units.MapGet("/", (UnitService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("All units with their coordinators' e-mails, as a JSON array.");

        units.MapGet("/{id:int}", async Task<Results<Ok<UnitDetails>, NotFound>> (int id, UnitService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One unit with its coordinators.");

        units.MapPost("/", async (UnitInput input, ApiActor caller, UnitService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/units/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Creates a unit (admins only): name required, nameEn, kind (committee, department, partner_site, party_branch, "
                         + "expert_team, other; default committee), organisationId, coordinatorEmails of users in the Coordinator role.");

        units.MapPut("/{id:int}", async (int id, UnitInput input, ApiActor caller, UnitService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a unit (admins only); send the version you read. 409 with the current unit if someone saved first.");

        units.MapDelete("/{id:int}", async (int id, long? version, ApiActor caller, UnitService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a unit nothing refers to yet (admins only); with ?version= only if nobody changed it since.");
    }
}
