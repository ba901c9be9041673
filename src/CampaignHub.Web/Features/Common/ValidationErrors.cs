namespace CampaignHub.Web.Features.Common;

/// <summary>Collects field errors while checking input, then throws them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    /// <summary>Every message with its field, in the order they were added (the import reports them by row and column).</summary>
    public IEnumerable<(string Field, string Message)> Items => errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
