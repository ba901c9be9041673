using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Duties;

/// <summary>Localised names of the duty roles (resource keys <c>DutyRole_nurse</c> etc.).</summary>
public static class DutyTexts
{
    public static IReadOnlyList<DutyRole> Roles { get; } = Enum.GetValues<DutyRole>();

    public static string Role(IStringLocalizer localizer, DutyRole role) => CodeTexts.Name(localizer, role);
}
