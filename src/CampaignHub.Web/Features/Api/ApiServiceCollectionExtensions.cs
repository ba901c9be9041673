using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Features.Api;

public static class ApiServiceCollectionExtensions
{
    public const string TokenScheme = "ApiToken";

    /// <summary>Bearer tokens, or the browser's cookie for reads; writes need a token (a cookie would allow CSRF).</summary>
    public const string Scheme = "Api";

    public const string Policy = "Api";

    public static IServiceCollection AddCampaignHubApi(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<LastUseStamps>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(TokenScheme, null)
            .AddPolicyScheme(Scheme, null, options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                        ? TokenScheme
                        : IdentityConstants.ApplicationScheme;
                // An API caller gets 401/403, never a redirect to the login page.
                options.ForwardChallenge = TokenScheme;
                options.ForwardForbid = TokenScheme;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

        services.AddProblemDetails();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new DateOnlyJsonConverter());
            options.SerializerOptions.Converters.Add(new CodeJsonConverterFactory());
        });
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CampaignHub API";
                document.Info.Description =
                    "Campaigns, units, events and their figures. Authenticate with a personal access token: "
                    + "Authorization: Bearer chub_… (create one on your profile page or with `tokens create --email E`).";
                return Task.CompletedTask;
            });
            // Domain enums travel as their codes (CodeJsonConverterFactory): the document says which.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum && type.Namespace == typeof(EventKind).Namespace)
                {
                    schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                    schema.Enum = Enum.GetValues(type).Cast<Enum>()
                        .Select(value => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(CodeOf(value))!)
                        .ToList();
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static string CodeOf(Enum value) =>
        (string)typeof(Codes<>).MakeGenericType(value.GetType()).GetMethod(nameof(Codes<EventKind>.Of))!.Invoke(null, [value])!;
}
