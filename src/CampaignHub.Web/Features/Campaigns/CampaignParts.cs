using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Campaigns;

/// <summary>
/// The rules of a campaign's parts beyond its general details: the organisations by role (organisers, co-organisers,
/// partner sites), the regions it covers, its outcome indicators and its awards. Fields are named as the API names
/// them (<c>outcomes[0].denominator</c>, <c>awards[1].recipients[2].name</c>).
/// </summary>
public sealed partial class CampaignService
{
    /// <summary>
    /// Every organisation exists and has one role in the campaign; the partner-site count is at least the sites listed.
    /// Returns the partner sites' kind.
    /// </summary>
    private async Task<OrganisationKind?> ValidateOrganisationsAsync(CampaignHubDbContext db, CampaignInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var lists = new (string Field, List<int>? Ids)[]
        {
            ("organiserIds", input.OrganiserIds), ("hostIds", input.HostIds), ("coOrganiserIds", input.CoOrganiserIds), ("partnerSiteIds", input.PartnerSiteIds),
        };
        var named = lists.SelectMany(l => l.Ids ?? []).Distinct().ToList();
        var known = await db.Organisations.Where(o => named.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        foreach (var (field, ids) in lists)
        {
            foreach (var id in (ids ?? []).Distinct())
            {
                if (!known.Contains(id))
                {
                    errors.Add(field, string.Format(localizer["Campaigns_Error_UnknownOrganisation"], id));
                }
                else if (!seen.Add(id))
                {
                    errors.Add(field, string.Format(localizer["Campaigns_Error_OrganisationTwice"], id));
                }
            }
        }

        if (input.PartnerSiteCount is { } count && (count < 0 || count > CampaignLimits.MaxCount))
        {
            errors.Add("partnerSiteCount", string.Format(localizer["Campaigns_Error_Count"], CampaignLimits.MaxCount));
        }
        else if (input.PartnerSiteCount is { } total && input.PartnerSiteIds is { } sites && total < sites.Distinct().Count())
        {
            errors.Add("partnerSiteCount", string.Format(localizer["Campaigns_Error_CountBelowListed"], sites.Distinct().Count()));
        }

        if (string.IsNullOrWhiteSpace(input.PartnerSiteKind))
        {
            return null;
        }

        if (Codes<OrganisationKind>.TryParse(input.PartnerSiteKind, out var kind))
        {
            return kind;
        }

        errors.Add("partnerSiteKind", string.Format(localizer["Organisations_Error_UnknownKind"], ValueEcho.Short(input.PartnerSiteKind), string.Join(", ", Codes<OrganisationKind>.All)));
        return null;
    }

    private void ValidateRegions(List<RegionInput>? regions, ValidationErrors errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (regions?.Count ?? 0); i++)
        {
            var region = regions![i];
            var prefix = $"regions[{i}]";
            if (region is null)
            {
                errors.Add(prefix, localizer["Api_Error_InvalidValue"]);
                continue;
            }

            if (string.IsNullOrWhiteSpace(region.Name))
            {
                errors.Add($"{prefix}.name", localizer["Campaigns_Error_RegionNameRequired"]);
            }
            else if (!names.Add(region.Name.Trim()))
            {
                errors.Add($"{prefix}.name", string.Format(localizer["Campaigns_Error_RegionTwice"], ValueEcho.Short(region.Name)));
            }

            MaxLength(errors, $"{prefix}.name", region.Name, CampaignLimits.RegionNameMaxLength);
            MaxLength(errors, $"{prefix}.nameEn", region.NameEn, CampaignLimits.RegionNameMaxLength);
        }
    }

    /// <summary>
    /// A measured outcome: a rate, or a numerator and a denominator above 0, a sample size above 0 when given. A
    /// computed one: two different metrics of the catalogue and nothing measured. Targets between 0 and 100.
    /// </summary>
    private void ValidateOutcomes(List<OutcomeInput>? outcomes, Campaign entity, Dictionary<string, int> catalogue, ValidationErrors errors)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < (outcomes?.Count ?? 0); i++)
        {
            var outcome = outcomes![i];
            var prefix = $"outcomes[{i}]";
            if (outcome is null)
            {
                errors.Add(prefix, localizer["Api_Error_InvalidValue"]);
                continue;
            }

            if (outcome.Id is { } id and not 0 && (entity.Outcomes.All(o => o.Id != id) || !seen.Add(id)))
            {
                errors.Add($"{prefix}.id", string.Format(localizer["Campaigns_Error_UnknownOutcome"], id));
            }

            if (string.IsNullOrWhiteSpace(outcome.Name))
            {
                errors.Add($"{prefix}.name", localizer["Campaigns_Error_OutcomeNameRequired"]);
            }

            MaxLength(errors, $"{prefix}.name", outcome.Name, OutcomeNameMaxLength);
            MaxLength(errors, $"{prefix}.nameEn", outcome.NameEn, OutcomeNameMaxLength);
            MaxLength(errors, $"{prefix}.note", outcome.Note, OutcomeNoteMaxLength);
            MaxLength(errors, $"{prefix}.method", outcome.Method, CampaignLimits.OutcomeMethodMaxLength);
            MaxLength(errors, $"{prefix}.methodEn", outcome.MethodEn, CampaignLimits.OutcomeMethodMaxLength);
            if (outcome.TargetPercent is { } target && target is < 0 or > 100)
            {
                errors.Add($"{prefix}.targetPercent", localizer["Campaigns_Error_Rate"]);
            }

            var kind = OutcomeKind.Measured;
            if (outcome.Kind is not null && !Codes<OutcomeKind>.TryParse(outcome.Kind, out kind))
            {
                errors.Add($"{prefix}.kind", string.Format(localizer["Campaigns_Error_UnknownCode"], ValueEcho.Short(outcome.Kind), string.Join(", ", Codes<OutcomeKind>.All)));
                continue;
            }

            if (outcome.Bound is not null && !Codes<OutcomeBound>.TryParse(outcome.Bound, out _))
            {
                errors.Add($"{prefix}.bound", string.Format(localizer["Campaigns_Error_UnknownCode"], ValueEcho.Short(outcome.Bound), string.Join(", ", Codes<OutcomeBound>.All)));
            }

            if (kind == OutcomeKind.Computed)
            {
                ValidateComputed(outcome, prefix, catalogue, errors);
            }
            else
            {
                ValidateMeasured(outcome, prefix, errors);
            }
        }
    }

    private void ValidateComputed(OutcomeInput outcome, string prefix, Dictionary<string, int> catalogue, ValidationErrors errors)
    {
        int? Metric(string field, string? code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add($"{prefix}.{field}", localizer["Campaigns_Error_OutcomeMetricRequired"]);
                return null;
            }

            if (code.Length > FigureRules.MaxCodeLength || !catalogue.TryGetValue(code.Trim(), out var id))
            {
                errors.Add($"{prefix}.{field}", string.Format(localizer["Figures_Error_UnknownMetric"], ValueEcho.Short(code)));
                return null;
            }

            return id;
        }

        var numerator = Metric("numeratorMetric", outcome.NumeratorMetric);
        var denominator = Metric("denominatorMetric", outcome.DenominatorMetric);
        if (numerator is not null && numerator == denominator)
        {
            errors.Add($"{prefix}.denominatorMetric", localizer["Campaigns_Error_OutcomeSameMetric"]);
        }

        // What a computed outcome takes from the figures is not typed in: refused rather than silently dropped.
        foreach (var (field, given) in new (string, bool)[]
                 {
                     ("ratePercent", outcome.RatePercent is not null), ("numerator", outcome.Numerator is not null),
                     ("denominator", outcome.Denominator is not null), ("sampleSize", outcome.SampleSize is not null),
                     ("measuredOn", outcome.MeasuredOn is not null), ("bound", outcome.Bound is not null && outcome.Bound != "exact"),
                 })
        {
            if (given)
            {
                errors.Add($"{prefix}.{field}", localizer["Campaigns_Error_OutcomeComputedField"]);
            }
        }
    }

    private void ValidateMeasured(OutcomeInput outcome, string prefix, ValidationErrors errors)
    {
        foreach (var (field, given) in new (string, bool)[] { ("numeratorMetric", outcome.NumeratorMetric is not null), ("denominatorMetric", outcome.DenominatorMetric is not null) })
        {
            if (given)
            {
                errors.Add($"{prefix}.{field}", localizer["Campaigns_Error_OutcomeMeasuredMetric"]);
            }
        }

        var counts = outcome.Numerator is not null || outcome.Denominator is not null;
        if (outcome.RatePercent is { } rate)
        {
            if (rate is < 0 or > 100)
            {
                errors.Add($"{prefix}.ratePercent", localizer["Campaigns_Error_Rate"]);
            }

            if (counts)
            {
                errors.Add($"{prefix}.ratePercent", localizer["Campaigns_Error_OutcomeRateOrCounts"]);
            }
        }
        else if (!counts)
        {
            errors.Add($"{prefix}.ratePercent", localizer["Campaigns_Error_OutcomeRateOrCounts"]);
        }
        else
        {
            if (outcome.Denominator is not { } denominator)
            {
                errors.Add($"{prefix}.denominator", localizer["Campaigns_Error_OutcomeDenominator"]);
            }
            else if (denominator <= 0 || denominator > CampaignLimits.MaxOutcomeCount)
            {
                errors.Add($"{prefix}.denominator", localizer["Campaigns_Error_OutcomeDenominator"]);
            }

            if (outcome.Numerator is not { } numerator || numerator < 0 || numerator > (outcome.Denominator is > 0 and var d ? d : CampaignLimits.MaxOutcomeCount))
            {
                errors.Add($"{prefix}.numerator", localizer["Campaigns_Error_OutcomeNumerator"]);
            }
        }

        if (outcome.SampleSize is < 1 or > (int)CampaignLimits.MaxOutcomeCount)
        {
            errors.Add($"{prefix}.sampleSize", localizer["Campaigns_Error_OutcomeSampleSize"]);
        }
    }

    /// <summary>
    /// A name; recipients named, counted, or neither when the source only says the award was set up (控烟先锋); and the
    /// event (one of the campaign's own) it was given at.
    /// </summary>
    private async Task ValidateAwardsAsync(CampaignHubDbContext db, List<AwardInput>? awards, Campaign entity, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (awards is null)
        {
            return;
        }

        var eventIds = awards.Where(a => a?.EventId is not null).Select(a => a.EventId!.Value).Distinct().ToList();
        var campaignEvents = eventIds.Count == 0 || entity.Id == 0
            ? []
            : await db.Events.Where(e => e.CampaignId == entity.Id && eventIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        for (var i = 0; i < awards.Count; i++)
        {
            var award = awards[i];
            var prefix = $"awards[{i}]";
            if (award is null)
            {
                errors.Add(prefix, localizer["Api_Error_InvalidValue"]);
                continue;
            }

            if (award.Id is { } id and not 0 && (entity.Awards.All(a => a.Id != id) || !seen.Add(id)))
            {
                errors.Add($"{prefix}.id", string.Format(localizer["Campaigns_Error_UnknownAward"], id));
            }

            if (string.IsNullOrWhiteSpace(award.Name))
            {
                errors.Add($"{prefix}.name", localizer["Campaigns_Error_AwardNameRequired"]);
            }

            MaxLength(errors, $"{prefix}.name", award.Name, CampaignLimits.AwardNameMaxLength);
            MaxLength(errors, $"{prefix}.nameEn", award.NameEn, CampaignLimits.AwardNameMaxLength);
            if (award.EventId is { } eventId && !campaignEvents.Contains(eventId))
            {
                errors.Add($"{prefix}.eventId", string.Format(localizer["Campaigns_Error_AwardEvent"], eventId));
            }

            if (award.RecipientCount is { } count && (count < 1 || count > CampaignLimits.MaxCount))
            {
                errors.Add($"{prefix}.recipientCount", string.Format(localizer["Campaigns_Error_Count"], CampaignLimits.MaxCount));
            }
            else if (award.RecipientCount is { } total && total < award.Recipients.Count)
            {
                errors.Add($"{prefix}.recipientCount", string.Format(localizer["Campaigns_Error_CountBelowListed"], award.Recipients.Count));
            }

            for (var r = 0; r < award.Recipients.Count; r++)
            {
                var recipient = award.Recipients[r];
                var field = $"{prefix}.recipients[{r}]";
                if (recipient is null)
                {
                    errors.Add(field, localizer["Api_Error_InvalidValue"]);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(recipient.Name))
                {
                    errors.Add($"{field}.name", localizer["Campaigns_Error_RecipientNameRequired"]);
                }

                MaxLength(errors, $"{field}.name", recipient.Name, CampaignLimits.RecipientNameMaxLength);
                MaxLength(errors, $"{field}.nameEn", recipient.NameEn, CampaignLimits.RecipientNameMaxLength);
                MaxLength(errors, $"{field}.organisation", recipient.Organisation, CampaignLimits.RecipientOrganisationMaxLength);
                MaxLength(errors, $"{field}.organisationEn", recipient.OrganisationEn, CampaignLimits.RecipientOrganisationMaxLength);
            }
        }
    }

    /// <summary>
    /// Each role's list, in its order; a list left out (null) keeps that role's organisations as they are. An
    /// organisation that moves from one role to another keeps its row (one row per organisation and campaign).
    /// </summary>
    private static void ApplyOrganisations(Campaign entity, CampaignInput input)
    {
        var lists = new (OrganiserRole Role, List<int>? Ids)[]
        {
            (OrganiserRole.Organiser, input.OrganiserIds), (OrganiserRole.Host, input.HostIds), (OrganiserRole.CoOrganiser, input.CoOrganiserIds),
            (OrganiserRole.PartnerSite, input.PartnerSiteIds),
        };
        var given = lists.Where(l => l.Ids is not null).Select(l => l.Role).ToHashSet();
        var wanted = new Dictionary<int, (OrganiserRole Role, int Order)>();
        foreach (var (role, ids) in lists)
        {
            var order = 0;
            foreach (var id in (ids ?? []).Distinct())
            {
                wanted.TryAdd(id, (role, order++));
            }
        }

        entity.Organisers.RemoveAll(o => given.Contains(o.Role) && !wanted.ContainsKey(o.OrganisationId));
        foreach (var (id, (role, order)) in wanted)
        {
            var existing = entity.Organisers.FirstOrDefault(o => o.OrganisationId == id);
            if (existing is null)
            {
                entity.Organisers.Add(new CampaignOrganiser { OrganisationId = id, Role = role, SortOrder = order });
                continue;
            }

            if (existing.Role != role)
            {
                existing.Role = role;
            }

            if (existing.SortOrder != order)
            {
                existing.SortOrder = order;
            }
        }
    }

    private static void ApplyRegions(Campaign entity, List<RegionInput>? regions)
    {
        if (regions is null)
        {
            return;
        }

        // By position: the first region stays the first row, so renaming one is an update, not a delete and an add.
        var ordered = entity.Regions.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = i < ordered.Count ? ordered[i] : null;
            if (region is null)
            {
                region = new CampaignRegion { Name = "" };
                entity.Regions.Add(region);
            }

            region.Name = regions[i].Name!.Trim();
            region.NameEn = Clean(regions[i].NameEn);
            region.SortOrder = i;
        }

        foreach (var extra in ordered.Skip(regions.Count))
        {
            entity.Regions.Remove(extra);
        }
    }

    private static void ApplyOutcomes(Campaign entity, List<OutcomeInput>? outcomes, Dictionary<string, int> catalogue)
    {
        if (outcomes is null)
        {
            return;
        }

        var kept = outcomes.Where(o => o.Id is > 0).Select(o => o.Id!.Value).ToHashSet();
        entity.Outcomes.RemoveAll(o => !kept.Contains(o.Id));
        foreach (var outcome in outcomes)
        {
            var existing = outcome.Id is > 0 ? entity.Outcomes.First(o => o.Id == outcome.Id) : null;
            if (existing is null)
            {
                existing = new CampaignOutcome { Name = "" };
                entity.Outcomes.Add(existing);
            }

            var kind = outcome.Kind is null ? OutcomeKind.Measured : Codes<OutcomeKind>.Parse(outcome.Kind);
            existing.Name = outcome.Name!.Trim();
            existing.NameEn = Clean(outcome.NameEn);
            existing.Kind = kind;
            existing.Bound = outcome.Bound is null ? OutcomeBound.Exact : Codes<OutcomeBound>.Parse(outcome.Bound);
            existing.RatePercent = outcome.RatePercent is { } rate ? Math.Round(rate, 2) : null;
            existing.Numerator = outcome.Numerator is { } numerator ? Math.Round(numerator, 2) : null;
            existing.Denominator = outcome.Denominator is { } denominator ? Math.Round(denominator, 2) : null;
            existing.SampleSize = outcome.SampleSize;
            existing.Method = Clean(outcome.Method);
            existing.MethodEn = Clean(outcome.MethodEn);
            existing.MeasuredOn = outcome.MeasuredOn;
            existing.NumeratorMetricId = kind == OutcomeKind.Computed ? catalogue[outcome.NumeratorMetric!.Trim()] : null;
            existing.DenominatorMetricId = kind == OutcomeKind.Computed ? catalogue[outcome.DenominatorMetric!.Trim()] : null;
            existing.TargetPercent = outcome.TargetPercent is { } target ? Math.Round(target, 2) : null;
            existing.Note = Clean(outcome.Note);
        }
    }

    private static void ApplyAwards(Campaign entity, List<AwardInput>? awards)
    {
        if (awards is null)
        {
            return;
        }

        var kept = awards.Where(a => a.Id is > 0).Select(a => a.Id!.Value).ToHashSet();
        entity.Awards.RemoveAll(a => !kept.Contains(a.Id));
        for (var i = 0; i < awards.Count; i++)
        {
            var input = awards[i];
            var award = input.Id is > 0 ? entity.Awards.First(a => a.Id == input.Id) : null;
            if (award is null)
            {
                award = new CampaignAward { Name = "" };
                entity.Awards.Add(award);
            }

            award.Name = input.Name!.Trim();
            award.NameEn = Clean(input.NameEn);
            award.EventId = input.EventId;
            award.RecipientCount = input.RecipientCount;
            award.SortOrder = i;

            var recipients = award.Recipients.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
            for (var r = 0; r < input.Recipients.Count; r++)
            {
                var recipient = r < recipients.Count ? recipients[r] : null;
                if (recipient is null)
                {
                    recipient = new AwardRecipient { Name = "" };
                    award.Recipients.Add(recipient);
                }

                recipient.Name = input.Recipients[r].Name!.Trim();
                recipient.NameEn = Clean(input.Recipients[r].NameEn);
                recipient.Organisation = Clean(input.Recipients[r].Organisation);
                recipient.OrganisationEn = Clean(input.Recipients[r].OrganisationEn);
                recipient.SortOrder = r;
            }

            foreach (var extra in recipients.Skip(input.Recipients.Count))
            {
                award.Recipients.Remove(extra);
            }
        }
    }
}
