namespace CampaignHub.Web.Features.Totals;

public static class TotalsEndpoints
{
    public static RouteGroupBuilder MapTotalsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:int}/totals", (int id, DateOnly? from, DateOnly? to, int? unitId, bool? compare, TotalsService totals, CancellationToken cancellationToken) =>
                totals.GetAsync(new TotalsQuery(id, from, to, unitId, Compare: compare ?? false), cancellationToken))
            .WithTags("Campaigns")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Events by kind and channel and the sum of each metric over a period (both bounds inclusive), counting events that have "
                         + "started and are not cancelled, and their figures; upcoming: events not started yet; unconfirmed: counted events still "
                         + "planned or confirmed. With compare=true, previous (the period of the same length just before) and yearEarlier, each with its from and to.");
        return api;
    }
}
