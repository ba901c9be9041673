using System.Security.Claims;
using CampaignHub.Web.Features.Common;

namespace CampaignHub.Web.Features.Api;

/// <summary>Binds the API caller's <see cref="Actor"/> as an endpoint parameter.</summary>
public sealed record ApiActor(Actor Actor)
{
    public static async ValueTask<ApiActor?> BindAsync(HttpContext context)
    {
        var resolver = context.RequestServices.GetRequiredService<ActorResolver>();
        return new ApiActor(await resolver.ResolveAsync(context.User ?? new ClaimsPrincipal(), context.RequestAborted));
    }
}
