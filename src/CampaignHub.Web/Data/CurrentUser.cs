namespace CampaignHub.Web.Data;

/// <summary>
/// Who is acting in this scope: one per Blazor circuit or API request, so one user. <c>ActorResolver</c> records the
/// user when a page or the API resolves them, and the save path (<see cref="SaveRules"/>) stamps and audits every
/// write of the scope with them. Nobody recorded means system work (seeding, migrations, the admin command line),
/// and the trail records it as such.
/// </summary>
public sealed class CurrentUser
{
    public AuditActor? Actor { get; private set; }

    /// <summary>Records the scope's user; the same user again refreshes it, another user is a bug (a shared scope).</summary>
    public void Set(AuditActor actor)
    {
        if (Actor is { } current && current.UserId != actor.UserId)
        {
            throw new InvalidOperationException("A scope acts for one user; it already acts for another.");
        }

        Actor = actor;
    }
}
