using CampaignHub.Web.Features.Api;

namespace CampaignHub.Web.Features.Figures;

public static class CampaignFigureEndpoints
{
    public static RouteGroupBuilder MapCampaignFigureEndpoints(this RouteGroupBuilder api)
    {
        var figures = api.MapGroup("/campaigns/{id:int}/figures").WithTags("Campaigns");

        figures.MapGet("/", (int id, int? unitId, DateOnly? from, DateOnly? to, string? metric,
                    CampaignFigureService service, CancellationToken cancellationToken) =>
                service.ListAsync(id, new CampaignFigureQuery { UnitId = unitId, From = from, To = to, Metric = metric }, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The campaign's figures that belong to no event (per unit and day), as an array.");

        figures.MapPost("/", async (int id, CampaignFigureInput input, ApiActor caller, CampaignFigureService service, CancellationToken cancellationToken) =>
            {
                var saved = await service.SaveAsync(caller.Actor, id, input, cancellationToken);
                var location = $"/api/campaigns/{id}/figures?unitId={input.UnitId}&from={input.Date:yyyy-MM-dd}&to={input.Date:yyyy-MM-dd}";
                // A figure sent without a version was new (an existing one would have been a 409): 201, else 200.
                var versions = new HashSet<string>(input.Versions?.Keys ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
                return input.Figures!.Keys.Any(code => !versions.Contains(code))
                    ? Results.Created(location, saved)
                    : Results.Ok(saved);
            })
            .Produces<IReadOnlyList<CampaignFigure>>(StatusCodes.Status201Created)
            .Produces<IReadOnlyList<CampaignFigure>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds or replaces figures of one unit on one day: { unitId, date, figures: { code: number }, versions: { code: version } }. "
                         + "Replacing a figure needs the version read; 409 with the day's figures if someone saved first.");

        figures.MapDelete("/{figureId:long}", async (int id, long figureId, long? version, ApiActor caller, CampaignFigureService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, figureId, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Removes one campaign-level figure; with ?version= only if nobody changed it since.");

        return api;
    }
}
