namespace CampaignHub.Web.Components.Shared;

/// <summary>One field that differs after a conflict: its label, the value saved meanwhile, and the user's own.</summary>
/// <param name="Key">A stable name for tests and scripts (<c>data-testid="conflict-{Key}"</c>); null for none.</param>
public sealed record ConflictRow(string? Key, string Label, string Theirs, string Yours);
