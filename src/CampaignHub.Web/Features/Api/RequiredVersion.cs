using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Api;

/// <summary>An update must say which version it is based on; without it a save could overwrite unseen changes.</summary>
public static class RequiredVersion
{
    public static long Of(long? version, IStringLocalizer<SharedResource> localizer)
    {
        if (version is { } value)
        {
            return value;
        }

        var errors = new ValidationErrors();
        errors.Add("version", localizer["Api_Error_VersionRequired"]);
        errors.ThrowIfAny();
        return 0;
    }
}
