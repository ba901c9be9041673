namespace CampaignHub.Web.Components.Shared;

/// <summary>The field errors of the last save (API field names, e.g. <c>endDate</c>, <c>targets.screened</c>), for the form to show.</summary>
public sealed class FieldErrors
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    private IReadOnlyDictionary<string, string[]> errors = None;

    public bool Any => errors.Count > 0;

    public IEnumerable<string> Messages => errors.SelectMany(e => e.Value).Distinct();

    public void Set(IReadOnlyDictionary<string, string[]> value) => errors = value;

    public void Clear() => errors = None;

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>The messages of every field but these: what a form cannot show next to one of its own fields.</summary>
    public IEnumerable<string> MessagesExcept(IReadOnlySet<string> fields) =>
        errors.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value).Distinct();

    /// <summary>The field's messages as one text, or null when it has none.</summary>
    public string? this[string field] => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
