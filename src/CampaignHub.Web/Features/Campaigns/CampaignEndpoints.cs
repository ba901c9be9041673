using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Campaigns;

public static class CampaignEndpoints
{
    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");

        campaigns.MapGet("/", (CampaignService service, CancellationToken cancellationToken) => service.ListAsync(cancellationToken))
            .WithSummary("All campaigns, newest first, as a JSON array.");

        campaigns.MapGet("/{id:int}", async Task<Results<Ok<CampaignDetails>, NotFound>> (int id, CampaignService service, CancellationToken cancellationToken) =>
                await service.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound())
            .WithSummary("One campaign: form, reportLanguage, dates as YYYY-MM-DD, unitIds, organiserIds, hostIds, coOrganiserIds, partnerSiteIds "
                         + "(and partnerSiteCount), regions, targets by metric code, outcomes (measured or computed) and awards with their recipients.");

        campaigns.MapPost("/", async (CampaignInput input, ApiActor caller, CampaignService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, input, cancellationToken);
                return TypedResults.Created($"/api/campaigns/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Creates a campaign (admins only). form: prevention_week (default), programme_edition, roadshow, project, "
                         + "screening_programme or other, which sets the report's wording; reportLanguage: zh-CN (default) or en, the report's language "
                         + "when none is asked for; regions [{name, nameEn}]; outcomes [{name, kind: measured with ratePercent (bound exact|more_than|about) "
                         + "or numerator and denominator, sampleSize, method, measuredOn | computed with numeratorMetric and denominatorMetric codes; "
                         + "targetPercent}]; awards [{name, eventId, recipients [{name, organisation}] and/or recipientCount}]; hostIds (承办), coOrganiserIds (协办), partnerSiteIds with partnerSiteCount.");

        campaigns.MapPut("/{id:int}", async (int id, CampaignInput input, ApiActor caller, CampaignService service,
                CancellationToken cancellationToken) =>
                // The service asks for the version after the permission check: a caller who may not write gets 403, not 400.
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a campaign (admins only); send the version you read. hostIds, coOrganiserIds, partnerSiteIds, regions, targets, "
                         + "outcomes and awards left out (null) stay as they are. 409 with the current campaign if someone saved first.");

        return api;
    }
}
