using CampaignHub.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignHub.Web.Features.Committees;

public static class CommitteeEndpoints
{
    public static RouteGroupBuilder MapCommitteeEndpoints(this RouteGroupBuilder api)
    {
        var committees = api.MapGroup("/committees").WithTags("Committees");

        committees.MapGet("/", (CommitteeService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("All committees with their coordinators' e-mails, as a JSON array.");

        committees.MapGet("/{id:int}", async Task<Results<Ok<CommitteeDetails>, NotFound>> (int id, CommitteeService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One committee with its coordinators.");

        committees.MapPost("/", async (CommitteeInput input, ApiActor caller, CommitteeService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/committees/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Creates a committee (admins only): name required, nameEn, coordinatorEmails of users in the Coordinator role.");

        return api;
    }
}
