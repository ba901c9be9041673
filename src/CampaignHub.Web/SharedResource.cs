namespace CampaignHub.Web;

/// <summary>
/// Marker for the UI strings in Resources/SharedResource.resx (English) and SharedResource.zh-CN.resx (Chinese).
/// Components get it as <c>L</c> through _Imports.razor.
/// </summary>
public sealed class SharedResource;
