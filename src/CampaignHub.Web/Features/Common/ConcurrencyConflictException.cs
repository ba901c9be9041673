namespace CampaignHub.Web.Features.Common;

/// <summary>
/// Someone else saved the record since it was loaded (409). <see cref="Current"/> is the record as it is now, so
/// the user sees the other change before deciding; nothing was overwritten.
/// </summary>
public sealed class ConcurrencyConflictException(string message, object? current) : Exception(message)
{
    public object? Current { get; } = current;
}
