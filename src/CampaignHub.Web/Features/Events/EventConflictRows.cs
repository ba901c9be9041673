using CampaignHub.Web.Components.Shared;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// The rows of the conflict view (<see cref="ConflictPanel"/>) for an event: every field and every figure where the
/// version saved meanwhile differs from what the user has on screen, with names instead of ids.
/// </summary>
public static class EventConflictRows
{
    public static IReadOnlyList<ConflictRow> Of(EventForm theirs, EventForm mine, EventLookups lookups, IStringLocalizer localizer)
    {
        var rows = EventForm.Differences(theirs, mine)
            .Select(field => new ConflictRow(field, localizer[$"Event_Field_{field}"], Describe(theirs, field, lookups, localizer), Describe(mine, field, lookups, localizer)))
            .ToList();
        foreach (var code in EventForm.FigureDifferences(theirs, mine))
        {
            var metric = lookups.Metrics.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
            rows.Add(new ConflictRow($"figure-{code}", metric?.LocalName(UiLanguage.IsEnglish) ?? code,
                Figure(theirs, code), Figure(mine, code)));
        }

        return rows;
    }

    private static string Figure(EventForm form, string code) =>
        string.IsNullOrWhiteSpace(form.Figures.GetValueOrDefault(code)) ? "—" : form.Figures[code].Trim();

    /// <summary>A field's value as the table shows it: names instead of ids, localised codes.</summary>
    private static string Describe(EventForm form, string field, EventLookups lookups, IStringLocalizer localizer)
    {
        var english = UiLanguage.IsEnglish;
        var text = field switch
        {
            "Campaign" => lookups.Campaigns.FirstOrDefault(c => c.Id == form.CampaignId)?.LocalName(english),
            "Units" => string.Join("、", form.UnitIds.Select(id => lookups.Units.FirstOrDefault(c => c.Id == id)?.LocalName(english) ?? $"#{id}")),
            "Kind" => EventTexts.Kind(localizer, form.Kind),
            "Channel" => EventTexts.Channel(localizer, form.Channel),
            "Platform" => form.Channel == Domain.EventChannel.Online ? EventTexts.Platform(localizer, form.Platform) : null,
            "Venue" => lookups.Venues.FirstOrDefault(v => v.Id == form.VenueId)?.Name,
            "HostOrganisation" => lookups.Organisations.FirstOrDefault(o => o.Id == form.HostOrganisationId)?.LocalName(english),
            "Status" => EventTexts.Status(localizer, form.Status),
            "Highlight" => form.Highlight ? localizer["Events_Yes"] : localizer["Events_No"],
            "NextHostOrganisation" => lookups.Organisations.FirstOrDefault(o => o.Id == form.NextHostOrganisationId)?.LocalName(english),
            "People" => string.Join("; ", form.People.Select(EventForm.AsSaved).Select(p => string.Join(" · ",
                new[] { EventTexts.Role(localizer, p.Role), p.Name, p.Position, p.Department, p.Affiliation, p.TalkTitle, p.Topic }.Where(x => !string.IsNullOrWhiteSpace(x))))),
            _ => EventForm.Key(form, field),
        };
        return string.IsNullOrWhiteSpace(text) ? "—" : text;
    }
}
