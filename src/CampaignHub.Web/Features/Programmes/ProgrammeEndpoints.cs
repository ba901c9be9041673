using CampaignHub.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignHub.Web.Features.Programmes;

public static class ProgrammeEndpoints
{
    public static RouteGroupBuilder MapProgrammeEndpoints(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Programmes");

        programmes.MapGet("/", (ProgrammeService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("All programmes with their parent, sub-programmes and own campaigns, as a JSON array.");

        programmes.MapGet("/{id:int}", async Task<Results<Ok<ProgrammeDetails>, NotFound>> (int id, ProgrammeService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One programme with its parent, sub-programmes and own campaigns.");

        programmes.MapPost("/", async (ProgrammeInput input, ApiActor caller, ProgrammeService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/programmes/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Creates a programme (admins only): name required, nameEn, description, descriptionEn, parentId (a programme it is a sub-project of).");

        programmes.MapPut("/{id:int}", async (int id, ProgrammeInput input, ApiActor caller, ProgrammeService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a programme (admins only); send the version you read. 400 on parentId when the programme would contain itself; "
                         + "409 with the current programme if someone saved first.");

        programmes.MapDelete("/{id:int}", async (int id, long? version, ApiActor caller, ProgrammeService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a programme without campaigns or sub-programmes (admins only); with ?version= only if nobody changed it since.");

        programmes.MapGet("/{id:int}/totals", (int id, DateOnly? from, DateOnly? to, bool? compare, ProgrammeService service, CancellationToken cancellationToken) =>
                service.GetTotalsAsync(id, from, to, compare ?? false, cancellationToken))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The programme's roll-up over a period (default: its campaigns' whole span, both bounds inclusive): the totals of its campaigns "
                         + "and its sub-programmes' campaigns as GET /api/campaigns/{id}/totals counts them (with compare=true, previous and yearEarlier), "
                         + "each campaign's events, upcoming, unconfirmed and people served, and each year with running totals.");
        return api;
    }
}
