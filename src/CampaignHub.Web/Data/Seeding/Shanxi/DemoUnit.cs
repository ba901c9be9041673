namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>A unit of the demo: its name as the source text gives it, an English name, and two talk topics.</summary>
/// <param name="Short">How titles refer to it, e.g. 乳腺癌.</param>
/// <param name="Topics">Subjects its ordinary lectures and interviews are about.</param>
internal sealed record DemoUnit(string Name, string NameEn, string Short, IReadOnlyList<string> Topics);
