using Microsoft.AspNetCore.Localization;

namespace CampaignHub.Web.Hosting;

/// <summary>Accept-Language, for requests to the API only.</summary>
public sealed class ApiAcceptLanguageRequestCultureProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        header.Options = Options;
        return httpContext.Request.Path.StartsWithSegments("/api")
            ? header.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
    }
}
