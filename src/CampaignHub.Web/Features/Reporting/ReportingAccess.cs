using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// Who takes part in the reporting cycle: admins set periods, review and approve; a unit's coordinators submit for
/// that unit only; hospital staff have no part in it. Asked first by every method, before the input is looked at.
/// </summary>
public sealed class ReportingAccess(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Admins and coordinators; staff get a 403.</summary>
    public void RequireParticipant(Actor actor)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            throw new ForbiddenException(localizer["Reporting_Forbidden"]);
        }
    }

    public void RequireAdmin(Actor actor) => actor.RequireAdmin(localizer["Reporting_AdminOnly"]);

    /// <summary>An admin, or a coordinator of this unit.</summary>
    public void RequireUnit(Actor actor, int unitId)
    {
        RequireParticipant(actor);
        if (!actor.IsAdmin && !actor.UnitIds.Contains(unitId))
        {
            throw new ForbiddenException(localizer["Reporting_OtherUnit"]);
        }
    }

    public bool MaySee(Actor actor, int unitId) => actor.IsAdmin || (actor.IsCoordinator && actor.UnitIds.Contains(unitId));
}
