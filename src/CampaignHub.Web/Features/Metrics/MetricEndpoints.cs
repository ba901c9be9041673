using CampaignHub.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignHub.Web.Features.Metrics;

/// <summary>
/// The metric catalogue with its rules: everyone signed in reads it, admins add and edit metrics (403 before any
/// field is checked); an update names the version it read and gets a 409 with the metric as it is now otherwise.
/// </summary>
public static class MetricEndpoints
{
    private const string Rules = "minValue and maxValue (figures outside are refused), isCount (whole numbers only), atMost (the code of the metric "
                                 + "a figure of this one may not exceed in the same event or unit's day, e.g. positive at most screened)";

    public static RouteGroupBuilder MapMetricEndpoints(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");

        metrics.MapGet("/", (bool? activeOnly, MetricDefinitionService service, CancellationToken cancellationToken) =>
                service.ListAsync(activeOnly == true, cancellationToken))
            .WithSummary($"The metric catalogue in its order, with each metric's rules: {Rules}. ?activeOnly=true leaves out retired metrics.");

        metrics.MapGet("/{id:int}", async Task<Results<Ok<MetricDefinitionDetails>, NotFound>> (int id, MetricDefinitionService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One metric of the catalogue with its rules.");

        metrics.MapPost("/", async (MetricDefinitionInput input, ApiActor caller, MetricDefinitionService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/metrics/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary($"Adds a metric (admins only): code (snake_case, fixed), name, nameEn, unit, unitEn, group, sortOrder, isActive, funnelStep, "
                         + $"appliesTo (event kinds), and its rules: {Rules}.");

        metrics.MapPut("/{id:int}", async (int id, MetricDefinitionInput input, ApiActor caller, MetricDefinitionService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version ?? 0, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary($"Replaces a metric's names, unit, group, order, activity, funnel step, kinds and rules ({Rules}; admins only); send the version "
                         + "you read. 409 with the current metric if someone saved first. The new rules apply to every later save of a figure.");

        return api;
    }
}
