namespace CampaignHub.Web.Features.Common;

/// <summary>
/// Input that cannot be saved (400), with every problem by field, e.g. <c>end</c> or <c>figures.screened</c>.
/// Messages are in the user's language; nothing was saved.
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
