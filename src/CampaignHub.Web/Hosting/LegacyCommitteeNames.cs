namespace CampaignHub.Web.Hosting;

/// <summary>
/// Units were called committees until hospitals' departments, partner sites and teams joined them. Links and API
/// callers written then still say <c>committeeId=</c>: the query is read as <c>unitId=</c>, so every endpoint and
/// page keeps one parameter name. (Bodies accept <c>committeeIds</c> through their input classes; the old paths
/// <c>/api/committees</c> and <c>/admin/committees</c> are mapped beside the new ones.)
/// </summary>
public static class LegacyCommitteeNames
{
    private const string OldName = "committeeId";
    private const string NewName = "unitId";

    public static IApplicationBuilder UseLegacyCommitteeNames(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var query = context.Request.Query;
        if (query.ContainsKey(OldName))
        {
            var rewritten = query
                .Where(p => !p.Key.Equals(OldName, StringComparison.OrdinalIgnoreCase) || !query.ContainsKey(NewName))
                .Select(p => p.Key.Equals(OldName, StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(NewName, p.Value) : p);
            context.Request.QueryString = QueryString.Create(rewritten);
        }

        return next(context);
    });
}
