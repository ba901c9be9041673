using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// The rules of an event's input, declared once: required fields, lengths (<see cref="EventLimits"/>), codes, the
/// order of start and end, figures (<see cref="FigureRules"/>), and which units a user may name. The form and
/// the API reach it through <see cref="EventService"/>; the spreadsheet import calls it for every row and adds the
/// row and column, so the same defect gets the same message everywhere. Errors are named by API field.
/// </summary>
/// <remarks>
/// An event dated outside its campaign's period is accepted: roadshows and follow-ups run late, and the form asks
/// the user to confirm such a date instead.
/// </remarks>
public sealed class EventInputValidator(IStringLocalizer<SharedResource> localizer, AssociationClock clock)
{
    /// <summary>The parsed codes of an input without errors.</summary>
    public sealed record Valid(EventKind Kind, EventChannel Channel, OnlinePlatform? Platform, EventStatus Status);

    /// <summary>Adds every problem of <paramref name="input"/> to <paramref name="errors"/>; returns the parsed codes when there is none.</summary>
    public Valid? Validate(Actor actor, EventInput input, EventRuleContext context, ValidationErrors errors)
    {
        var before = errors.Items.Count();
        if (!ValidateSizes(input, errors))
        {
            // 40,000 unit ids are one problem, not 40,000 "unknown unit" messages.
            return null;
        }

        if (!context.CampaignExists)
        {
            errors.Add("campaignId", string.Format(localizer["Event_Error_UnknownCampaign"], input.CampaignId));
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", localizer["Event_Error_TitleRequired"]);
        }

        MaxLength(errors, "title", title, EventLimits.TitleMaxLength);
        var kind = RequiredCode<EventKind>(errors, "kind", input.Kind, "Event_Error_KindRequired", "Event_Error_UnknownKind");
        var channel = RequiredCode<EventChannel>(errors, "channel", input.Channel, "Event_Error_ChannelRequired", "Event_Error_UnknownChannel");
        var platform = OptionalCode<OnlinePlatform>(errors, "platform", input.Platform, "Event_Error_UnknownPlatform");
        var status = OptionalCode<EventStatus>(errors, "status", input.Status, "Event_Error_UnknownStatus") ?? EventStatus.Planned;
        ValidateTimes(input, errors);
        ValidateUnits(actor, input.UnitIds, context, errors);
        ValidatePlaces(input, context, errors);
        ValidateStop(input, context, errors);
        ValidateTexts(input, errors);
        ValidatePeople(input, errors);
        if (input.Figures is not null)
        {
            FigureRules.Validate(input.Figures, context.Catalogue, errors, localizer);
        }

        FigureRules.ValidateEstimated(input.Estimated, input.Figures, errors, localizer);

        return errors.Items.Count() == before ? new Valid(kind!.Value, channel!.Value, platform, status) : null;
    }

    /// <summary>
    /// The lengths of the input's lists, checked before anything reads the database with them; false when one is too
    /// long (the error is added).
    /// </summary>
    public bool ValidateSizes(EventInput input, ValidationErrors errors)
    {
        var before = errors.Items.Count();
        ListLimits.Check(errors, localizer, "unitIds", input.UnitIds.Count, ListLimits.Units);
        ListLimits.Check(errors, localizer, "figures", input.Figures?.Count, ListLimits.Figures);
        ListLimits.Check(errors, localizer, "estimated", input.Estimated?.Count, ListLimits.Figures);
        if (input.People.Count > ListLimits.People)
        {
            errors.Add(input.PeopleField, string.Format(localizer["Event_Error_TooManyPeople"], ListLimits.People));
        }

        return errors.Items.Count() == before;
    }

    private void ValidateTimes(EventInput input, ValidationErrors errors)
    {
        if (input.Start is null)
        {
            errors.Add("start", localizer["Event_Error_StartRequired"]);
        }

        if (input.End is null)
        {
            errors.Add("end", localizer["Event_Error_EndRequired"]);
        }
        else if (input.Start is not null && clock.ToLocal(input.End.Value) < clock.ToLocal(input.Start.Value))
        {
            errors.Add("end", localizer["Event_Error_EndBeforeStart"]);
        }
    }

    private void ValidateUnits(Actor actor, List<int> unitIds, EventRuleContext context, ValidationErrors errors)
    {
        if (unitIds.Count == 0)
        {
            errors.Add("unitIds", localizer["Event_Error_UnitRequired"]);
            return;
        }

        var named = unitIds.Distinct().ToList();
        foreach (var missing in named.Where(id => !context.Units.Contains(id)))
        {
            errors.Add("unitIds", string.Format(localizer["Event_Error_UnknownUnit"], missing));
        }

        var known = named.Where(context.Units.Contains).ToList();
        // A coordinator's event needs one of their own units (a joint event: any of them).
        if (known.Count > 0 && !actor.IsAdmin && !actor.CanWriteForUnits(known))
        {
            errors.Add("unitIds", localizer["Event_Error_NotYourUnit"]);
        }

        // On a saved event a coordinator adds and removes only their own units; the others stay as they were,
        // so nobody can attach a unit to an event and nobody can push another unit off one.
        if (!actor.IsAdmin && context.CurrentUnits is { } current)
        {
            foreach (var added in known.Where(id => !current.Contains(id) && !actor.UnitIds.Contains(id)))
            {
                errors.Add("unitIds", string.Format(localizer["Event_Error_AddOthersUnit"], added));
            }

            foreach (var removed in current.Where(id => !named.Contains(id) && !actor.UnitIds.Contains(id)).Order())
            {
                errors.Add("unitIds", string.Format(localizer["Event_Error_RemoveOthersUnit"], removed));
            }
        }

        // Nor can a coordinator add work to a campaign their units do not take part in: its totals would change.
        if (!actor.IsAdmin)
        {
            foreach (var outsider in known.Where(id => !context.Participating.Contains(id)))
            {
                errors.Add("unitIds", string.Format(localizer["Event_Error_UnitNotInCampaign"], outsider));
            }
        }
    }

    private void ValidatePlaces(EventInput input, EventRuleContext context, ValidationErrors errors)
    {
        if (input.VenueId is { } venueId && !context.Venues.Contains(venueId))
        {
            errors.Add("venueId", string.Format(localizer["Event_Error_UnknownVenue"], venueId));
        }

        if (input.HostOrganisationId is { } hostId && !context.Organisations.Contains(hostId))
        {
            errors.Add("hostOrganisationId", string.Format(localizer["Event_Error_UnknownOrganisation"], hostId));
        }

        if (input.StopNumber is < 1 or > EventLimits.MaxStopNumber)
        {
            errors.Add("stopNumber", string.Format(localizer["Event_Error_StopNumber"], EventLimits.MaxStopNumber));
        }
    }

    /// <summary>The roadshow stop's handover to the next host and its visiting team's size.</summary>
    private void ValidateStop(EventInput input, EventRuleContext context, ValidationErrors errors)
    {
        var handoverNamed = !string.IsNullOrWhiteSpace(input.HandoverFrom) || !string.IsNullOrWhiteSpace(input.HandoverTo);
        if (input.NextHostOrganisationId is { } nextId && !context.Organisations.Contains(nextId))
        {
            errors.Add("nextHostOrganisationId", string.Format(localizer["Event_Error_UnknownOrganisation"], nextId));
        }
        else if (input.NextHostOrganisationId is null && handoverNamed)
        {
            errors.Add("nextHostOrganisationId", localizer["Event_Error_HandoverWithoutNextHost"]);
        }

        MaxLength(errors, "handoverFrom", input.HandoverFrom?.Trim(), EventLimits.HandoverPersonMaxLength);
        MaxLength(errors, "handoverTo", input.HandoverTo?.Trim(), EventLimits.HandoverPersonMaxLength);
        if (input.ExpertTeamSize is < 1 or > EventLimits.MaxExpertTeamSize)
        {
            errors.Add("expertTeamSize", string.Format(localizer["Event_Error_ExpertTeamSize"], EventLimits.MaxExpertTeamSize));
        }
    }

    private void ValidateTexts(EventInput input, ValidationErrors errors)
    {
        MaxLength(errors, "platformDetail", input.PlatformDetail, EventLimits.PlatformDetailMaxLength);
        MaxLength(errors, "venue", input.Location, EventLimits.LocationMaxLength);
        MaxLength(errors, "seriesName", input.SeriesName, EventLimits.SeriesNameMaxLength);
        MaxLength(errors, "narrative", input.Narrative, EventLimits.NarrativeMaxLength);
        MaxLength(errors, "sectionGroup", input.SectionGroup, EventLimits.SectionGroupMaxLength);
        MaxLength(errors, "titleEn", input.TitleEn, EventLimits.TitleMaxLength);
        MaxLength(errors, "narrativeEn", input.NarrativeEn, EventLimits.NarrativeMaxLength);
        MaxLength(errors, "sectionGroupEn", input.SectionGroupEn, EventLimits.SectionGroupMaxLength);
        ValidateLink(input.Link?.Trim(), errors);
    }

    /// <summary>
    /// A link others will open from the report and the unit's summary: a whole http(s) address, nothing a browser would
    /// run (<c>javascript:</c>) or that points inside the reader's own machine (<c>file:</c>).
    /// </summary>
    private void ValidateLink(string? link, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(link))
        {
            return;
        }

        if (link.Length > EventLimits.LinkMaxLength)
        {
            MaxLength(errors, "link", link, EventLimits.LinkMaxLength);
        }
        else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                 || string.IsNullOrEmpty(uri.Host) || link.Any(char.IsWhiteSpace))
        {
            errors.Add("link", localizer["Event_Error_Link"]);
        }
    }

    /// <summary>Each person on the programme: a name, a known role, lengths, a talk title on talks only and no topic on the team.</summary>
    private void ValidatePeople(EventInput input, ValidationErrors errors)
    {
        for (var i = 0; i < input.People.Count; i++)
        {
            var field = $"{input.PeopleField}[{i}]";
            var person = input.People[i];
            if (person is null)
            {
                errors.Add(field, localizer["Event_Error_PersonName"]);
                continue;
            }

            // No role: a talk, as every speaker was before the programme had roles.
            var role = OptionalCode<ProgrammeRole>(errors, $"{field}.role", person.Role, "Event_Error_UnknownRole");
            if (string.IsNullOrWhiteSpace(person.Name))
            {
                errors.Add($"{field}.name", localizer["Event_Error_PersonName"]);
            }

            MaxLength(errors, $"{field}.name", person.Name?.Trim(), EventLimits.SpeakerNameMaxLength);
            MaxLength(errors, $"{field}.position", person.Position?.Trim(), EventLimits.PersonPositionMaxLength);
            MaxLength(errors, $"{field}.department", person.Department?.Trim(), EventLimits.PersonDepartmentMaxLength);
            MaxLength(errors, $"{field}.affiliation", person.Affiliation?.Trim(), EventLimits.SpeakerAffiliationMaxLength);
            MaxLength(errors, $"{field}.talkTitle", person.TalkTitle?.Trim(), EventLimits.SpeakerTalkTitleMaxLength);
            MaxLength(errors, $"{field}.topic", person.Topic?.Trim(), EventLimits.PersonTopicMaxLength);
            // A title belongs to a talk: on a moderator or a team member the report would have nowhere to print it.
            if (role is { } given && given != ProgrammeRole.Talk && !string.IsNullOrWhiteSpace(person.TalkTitle))
            {
                errors.Add($"{field}.talkTitle", localizer["Event_Error_TalkTitleNotTalk"]);
            }

            if (role is ProgrammeRole.Expert or ProgrammeRole.TeamLeader && !string.IsNullOrWhiteSpace(person.Topic))
            {
                errors.Add($"{field}.topic", localizer["Event_Error_TopicNotTeam"]);
            }
        }
    }

    private void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private TEnum? RequiredCode<TEnum>(ValidationErrors errors, string field, string? code, string requiredKey, string unknownKey)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, localizer[requiredKey]);
            return null;
        }

        return OptionalCode<TEnum>(errors, field, code, unknownKey);
    }

    private TEnum? OptionalCode<TEnum>(ValidationErrors errors, string field, string? code, string unknownKey)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        if (Codes<TEnum>.TryParse(code, out var value))
        {
            return value;
        }

        errors.Add(field, string.Format(localizer[unknownKey], ValueEcho.Short(code), string.Join(", ", Codes<TEnum>.All)));
        return null;
    }
}
