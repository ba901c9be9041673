using CampaignHub.Web.Domain;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Duties;

/// <summary>Localised names of the duty role codes (resource keys <c>DutyRole_nurse</c> etc.).</summary>
public static class DutyTexts
{
    public static IReadOnlyCollection<string> Roles => Codes<DutyRole>.All;

    public static string Role(IStringLocalizer localizer, string? code) =>
        string.IsNullOrEmpty(code) ? "" : localizer[$"DutyRole_{code}"];
}
