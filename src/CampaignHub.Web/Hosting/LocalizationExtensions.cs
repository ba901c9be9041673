using System.Globalization;
using System.Security.Claims;
using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace CampaignHub.Web.Hosting;

public static class LocalizationExtensions
{
    /// <summary>zh-CN first: the users read Chinese first and English second.</summary>
    public static IReadOnlyList<string> SupportedCultures { get; } = ["zh-CN", "en"];

    public static string DefaultCulture => SupportedCultures[0];

    public static IServiceCollection AddCampaignHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, MudResourceLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // In the browser the cookie alone decides: Accept-Language must not override the zh-CN default. API
            // callers have no cookie; they choose with Accept-Language (error messages in their language).
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The culture the user picked, as a supported culture name, or null when it is not supported.</summary>
    public static string? MatchSupportedCulture(string? culture) =>
        SupportedCultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        // A plain GET link works from static pages (login) and interactive ones alike.
        endpoints.MapGet("/culture/{culture}", async (string culture, string? returnUrl, HttpContext context) =>
            {
                var supported = MatchSupportedCulture(culture);
                if (supported is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                        detail: $"Unsupported language. Use one of: {string.Join(", ", SupportedCultures)}.");
                }

                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
                // A signed-in person's e-mails are written in the language they last chose.
                if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
                {
                    await using var db = await context.RequestServices.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync(context.RequestAborted);
                    await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, supported), context.RequestAborted);
                }

                var target = string.IsNullOrEmpty(returnUrl) || !IsLocal(returnUrl) ? "/" : returnUrl;
                return Results.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
