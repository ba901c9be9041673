using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CampaignHub.Web.Hosting;

/// <summary>
/// MudBlazor's own texts (the screen-reader labels "Clear", "Open", "First page", "Rows per page:", the date
/// picker's "Previous month", a numeric field's "Not a valid number", ...) from the app's resources under
/// MudBlazor's key names, so they follow the user's language. MudBlazor ships English only; a key the resources
/// lack (the comparison signs =, &lt;, ...) keeps MudBlazor's text.
/// </summary>
public sealed class MudResourceLocalizer(IStringLocalizer<SharedResource> resources) : MudLocalizer
{
    public override LocalizedString this[string key] => resources[key];
}
