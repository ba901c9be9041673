namespace CampaignHub.Web.Features.Totals;

public static class TotalsEndpoints
{
    public static RouteGroupBuilder MapTotalsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:int}/totals", (int id, DateOnly? from, DateOnly? to, int? unitId, TotalsService totals, CancellationToken cancellationToken) =>
                totals.GetAsync(new TotalsQuery(id, from, to, unitId), cancellationToken))
            .WithTags("Campaigns")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Events by kind and channel and the sum of each metric over a period (both bounds inclusive).");
        return api;
    }
}
