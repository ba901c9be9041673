using CampaignHub.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignHub.Web.Features.Organisations;

/// <summary>
/// Organisations (the association, hospitals and campuses, federations, foundations, CDC offices, media) and their
/// venues, as units are: everyone signed in reads, admins write (403 before any field is checked), every write names
/// the version it read and gets a 409 with the organisation as it is now when someone saved first.
/// </summary>
public static class OrganisationEndpoints
{
    private const string Kinds = "association, hospital, campus, womens_federation, foundation, cdc_office, media, government, other";

    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapGet("/", (OrganisationService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("All organisations with their venues, by name, as a JSON array.");

        organisations.MapGet("/{id:int}", async Task<Results<Ok<OrganisationDetails>, NotFound>> (int id, OrganisationService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One organisation with its venues.");

        organisations.MapPost("/", async (OrganisationInput input, ApiActor caller, OrganisationService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/organisations/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary($"Creates an organisation (admins only): name required and unique, nameEn, kind ({Kinds}), parentId (the hospital "
                         + "of a campus), address, venues [{{name, nameEn, address}}].");

        organisations.MapPut("/{id:int}", async (int id, OrganisationInput input, ApiActor caller, OrganisationService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces an organisation and its venues (admins only; venues matched by id, a venue events took place at stays); "
                         + "send the version you read. 409 with the current organisation if someone saved first.");

        organisations.MapDelete("/{id:int}", async (int id, long? version, ApiActor caller, OrganisationService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes an organisation nothing refers to (no campus, campaign or event; admins only); with ?version= only if nobody changed it since.");

        organisations.MapGet("/{id:int}/venues", async Task<Results<Ok<IReadOnlyList<VenueDetails>>, NotFound>> (int id, OrganisationService service, CancellationToken cancellationToken) =>
                await service.ListVenuesAsync(id, cancellationToken) is { } venues ? TypedResults.Ok(venues) : TypedResults.NotFound())
            .WithSummary("The venues of one organisation, by name.");

        organisations.MapPost("/{id:int}/venues", async (int id, VenueWrite input, ApiActor caller, OrganisationService service, CancellationToken cancellationToken) =>
            {
                var created = await service.AddVenueAsync(caller.Actor, id, input.ToVenue(), input.Version, cancellationToken);
                return TypedResults.Created($"/api/organisations/{id}/venues/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds a venue to an organisation (admins only): name required, nameEn, address; optionally the organisation's version "
                         + "read. The organisation's version goes up.");

        organisations.MapPut("/{id:int}/venues/{venueId:int}", async (int id, int venueId, VenueWrite input, ApiActor caller, OrganisationService service,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateVenueAsync(caller.Actor, id, venueId, input.ToVenue(), input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes a venue (admins only); send the organisation's version you read. 409 with the current organisation if someone saved first.");

        organisations.MapDelete("/{id:int}/venues/{venueId:int}", async (int id, int venueId, long? version, ApiActor caller, OrganisationService service,
                CancellationToken cancellationToken) =>
            {
                await service.DeleteVenueAsync(caller.Actor, id, venueId, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Removes a venue no event took place at (admins only); with ?version= (the organisation's) only if nobody changed it since.");

        return api;
    }
}

/// <summary>A venue as the venue endpoints take it, with the version of its organisation the change is based on.</summary>
public sealed class VenueWrite
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Address { get; set; }

    /// <summary>The organisation's version read; required to change a venue, optional to add one.</summary>
    public long? Version { get; set; }

    public VenueInput ToVenue() => new() { Name = Name, NameEn = NameEn, Address = Address };
}
