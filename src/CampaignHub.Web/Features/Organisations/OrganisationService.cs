using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Organisations;

/// <summary>
/// The association and its partners (hospitals and campuses, federations, foundations, CDC offices, media) with
/// their venues. Everyone signed in reads them; only admins write. Nothing that events or campaigns refer to is
/// deleted: that would silently change logged work.
/// </summary>
public sealed class OrganisationService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;

    public async Task<IReadOnlyList<OrganisationDetails>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Organisations.AsNoTracking().OrderBy(o => o.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OrganisationDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Organisations.AsNoTracking().Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<OrganisationDetails> CreateAsync(Actor actor, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Organisations_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = new Organisation { Name = "" };
        var kind = await ValidateAsync(db, input, entity, cancellationToken);

        Apply(entity, input, kind);
        db.Organisations.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(entity.Id, cancellationToken))!;
    }

    /// <summary>Saves the organisation and its venues if nobody changed it since <paramref name="expected"/>; otherwise a 409 with it as it is now.</summary>
    public async Task<OrganisationDetails> UpdateAsync(Actor actor, int id, OrganisationInput input, long? expected, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Organisations_Forbidden"]);
        var version = RequiredVersion.Of(expected, localizer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Organisations.Include(o => o.Venues).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                     ?? throw NotFound(id);
        var kind = await ValidateAsync(db, input, entity, cancellationToken);
        if (entity.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Organisations_Conflict"], await GetAsync(id, cancellationToken));
        }

        Apply(entity, input, kind);
        // A change of venues alone is a change of the organisation: bump its version too.
        if (db.ChangeTracker.HasChanges())
        {
            db.Entry(entity).State = EntityState.Modified;
        }

        db.Entry(entity).Property(o => o.Version).OriginalValue = version;
        await SaveOrConflictAsync(db, id, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>The venues of an organisation; null when there is no such organisation.</summary>
    public async Task<IReadOnlyList<VenueDetails>?> ListVenuesAsync(int organisationId, CancellationToken cancellationToken = default) =>
        (await GetAsync(organisationId, cancellationToken))?.Venues;

    /// <summary>
    /// Adds a venue to an organisation: a change of the organisation, checked by the same rules as its form (so a
    /// venue's name is required and capped the same way), its version bumped. With <paramref name="version"/>, only if
    /// nobody changed the organisation since.
    /// </summary>
    public Task<VenueDetails> AddVenueAsync(Actor actor, int organisationId, VenueInput venue, long? version, CancellationToken cancellationToken = default) =>
        ChangeVenuesAsync(actor, organisationId, version, cancellationToken, venues =>
        {
            venues.Add(new VenueInput { Name = venue?.Name, NameEn = venue?.NameEn, Address = venue?.Address });
            return venues.Count - 1;
        });

    /// <summary>Changes one venue's name, English name and address; the organisation's version must be the one read.</summary>
    public Task<VenueDetails> UpdateVenueAsync(Actor actor, int organisationId, int venueId, VenueInput venue, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Organisations_Forbidden"]);
        var expected = RequiredVersion.Of(version, localizer);
        return ChangeVenuesAsync(actor, organisationId, expected, cancellationToken, venues =>
        {
            var index = venues.FindIndex(v => v.Id == venueId);
            if (index < 0)
            {
                throw new NotFoundException(string.Format(localizer["Event_Error_UnknownVenue"], venueId));
            }

            venues[index] = new VenueInput { Id = venueId, Name = venue?.Name, NameEn = venue?.NameEn, Address = venue?.Address };
            return index;
        });
    }

    /// <summary>Removes a venue no event took place at; with <paramref name="version"/>, only if nobody changed the organisation since.</summary>
    public async Task DeleteVenueAsync(Actor actor, int organisationId, int venueId, long? version, CancellationToken cancellationToken = default) =>
        await ChangeVenuesAsync(actor, organisationId, version, cancellationToken, venues =>
        {
            var index = venues.FindIndex(v => v.Id == venueId);
            if (index < 0)
            {
                throw new NotFoundException(string.Format(localizer["Event_Error_UnknownVenue"], venueId));
            }

            venues.RemoveAt(index);
            return -1;
        });

    /// <summary>
    /// One venue's change as a change of the whole organisation, through the organisation's own rules; the venue's
    /// field errors are named as the venue endpoint names them (<c>name</c>, not <c>venues[3].name</c>).
    /// </summary>
    private async Task<VenueDetails> ChangeVenuesAsync(
        Actor actor, int organisationId, long? version, CancellationToken cancellationToken, Func<List<VenueInput>, int> change)
    {
        actor.RequireAdmin(localizer["Organisations_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Organisations.Include(o => o.Venues).FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
                     ?? throw NotFound(organisationId);
        var input = new OrganisationInput
        {
            Name = entity.Name,
            NameEn = entity.NameEn,
            Kind = Codes<OrganisationKind>.Of(entity.Kind),
            ParentId = entity.ParentId,
            Address = entity.Address,
            Venues = entity.Venues.OrderBy(v => v.Id).Select(v => new VenueInput { Id = v.Id, Name = v.Name, NameEn = v.NameEn, Address = v.Address }).ToList(),
        };
        var index = change(input.Venues);
        OrganisationKind kind;
        try
        {
            kind = await ValidateAsync(db, input, entity, cancellationToken);
        }
        catch (DomainValidationException ex)
        {
            var prefix = $"venues[{index}].";
            throw new DomainValidationException(ex.Errors.ToDictionary(
                e => e.Key.StartsWith(prefix, StringComparison.Ordinal) ? e.Key[prefix.Length..] : index < 0 && e.Key == "venues" ? "id" : e.Key,
                e => e.Value));
        }

        if (version is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Organisations_Conflict"], await GetAsync(organisationId, cancellationToken));
        }

        Apply(entity, input, kind);
        // The one venue changed: a new one is the only venue without an id until the save gives it one.
        var target = index < 0 ? null
            : input.Venues[index].Id is { } venueId ? entity.Venues.First(v => v.Id == venueId)
            : entity.Venues.Single(v => v.Id == 0);
        db.Entry(entity).State = EntityState.Modified;
        if (version is { } read)
        {
            db.Entry(entity).Property(o => o.Version).OriginalValue = read;
        }

        await SaveOrConflictAsync(db, organisationId, cancellationToken);
        return target is null ? null! : new VenueDetails(target.Id, target.Name, target.NameEn, target.Address);
    }

    /// <summary>Deletes an organisation nothing refers to: no campus under it, no campaign it organises, no event at it.</summary>
    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Organisations_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Organisations.Include(o => o.Venues).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                     ?? throw NotFound(id);
        if (version is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Organisations_Conflict"], await GetAsync(id, cancellationToken));
        }

        var inUse = await db.Organisations.AnyAsync(o => o.ParentId == id, cancellationToken)
                    || await db.Set<CampaignOrganiser>().AnyAsync(o => o.OrganisationId == id, cancellationToken)
                    || await db.Events.AnyAsync(e => e.HostOrganisationId == id || e.NextHostOrganisationId == id || (e.Venue != null && e.Venue.OrganisationId == id), cancellationToken);
        if (inUse)
        {
            var errors = new ValidationErrors();
            errors.Add("id", localizer["Organisations_Error_InUse"]);
            errors.ThrowIfAny();
        }

        db.Organisations.Remove(entity);
        await SaveOrConflictAsync(db, id, cancellationToken);
    }

    private async Task<OrganisationKind> ValidateAsync(CampaignHubDbContext db, OrganisationInput input, Organisation entity, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ListLimits.Check(errors, localizer, "venues", input.Venues.Count, ListLimits.Venues);
        errors.ThrowIfAny();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", localizer["Organisations_Error_NameRequired"]);
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add("name", string.Format(localizer["Error_TooLong"], NameMaxLength));
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != entity.Id, cancellationToken))
        {
            errors.Add("name", string.Format(localizer["Organisations_Error_NameTaken"], ValueEcho.Short(name)));
        }

        MaxLength(errors, "nameEn", input.NameEn, NameMaxLength);
        MaxLength(errors, "address", input.Address, AddressMaxLength);

        if (!Codes<OrganisationKind>.TryParse(input.Kind, out var kind))
        {
            errors.Add("kind", string.Format(localizer["Organisations_Error_UnknownKind"], ValueEcho.Short(input.Kind), string.Join(", ", Codes<OrganisationKind>.All)));
        }

        if (input.ParentId is { } parentId)
        {
            await ValidateParentAsync(db, entity.Id, parentId, errors, cancellationToken);
        }

        await ValidateVenuesAsync(db, input.Venues, entity, errors, cancellationToken);
        errors.ThrowIfAny();
        return kind;
    }

    /// <summary>The parent must exist and must not be the organisation itself or one under it (no cycles).</summary>
    private async Task ValidateParentAsync(CampaignHubDbContext db, int id, int parentId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var parents = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, cancellationToken);
        if (!parents.ContainsKey(parentId))
        {
            errors.Add("parentId", string.Format(localizer["Event_Error_UnknownOrganisation"], parentId));
            return;
        }

        var seen = new HashSet<int>();
        for (int? current = parentId; current is { } step && seen.Add(step); current = parents.GetValueOrDefault(step))
        {
            if (step == id)
            {
                errors.Add("parentId", localizer["Organisations_Error_ParentCycle"]);
                return;
            }
        }
    }

    private async Task ValidateVenuesAsync(CampaignHubDbContext db, List<VenueInput> venues, Organisation entity, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < venues.Count; i++)
        {
            var venue = venues[i];
            if (venue is null)
            {
                errors.Add($"venues[{i}]", localizer["Api_Error_InvalidValue"]);
                continue;
            }

            if (venue.Id is { } venueId and > 0 && (entity.Venues.All(v => v.Id != venueId) || !seen.Add(venueId)))
            {
                errors.Add($"venues[{i}].id", string.Format(localizer["Event_Error_UnknownVenue"], venueId));
            }

            if (string.IsNullOrWhiteSpace(venue.Name))
            {
                errors.Add($"venues[{i}].name", localizer["Organisations_Error_VenueNameRequired"]);
            }

            MaxLength(errors, $"venues[{i}].name", venue.Name, NameMaxLength);
            MaxLength(errors, $"venues[{i}].nameEn", venue.NameEn, NameMaxLength);
            MaxLength(errors, $"venues[{i}].address", venue.Address, AddressMaxLength);
        }

        // A venue events took place at stays: removing it would silently erase where they happened.
        var removed = entity.Venues.Where(v => !seen.Contains(v.Id)).Select(v => v.Id).ToList();
        if (removed.Count > 0)
        {
            var used = await db.Events.Where(e => e.VenueId != null && removed.Contains(e.VenueId.Value))
                .Select(e => e.VenueId!.Value).Distinct().ToListAsync(cancellationToken);
            foreach (var venue in entity.Venues.Where(v => used.Contains(v.Id)))
            {
                errors.Add("venues", string.Format(localizer["Organisations_Error_VenueInUse"], venue.Name));
            }
        }
    }

    private void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
        }
    }

    private static void Apply(Organisation entity, OrganisationInput input, OrganisationKind kind)
    {
        entity.Name = input.Name!.Trim();
        entity.NameEn = Clean(input.NameEn);
        entity.Kind = kind;
        entity.ParentId = input.ParentId;
        entity.Address = Clean(input.Address);

        var kept = input.Venues.Where(v => v.Id is > 0).Select(v => v.Id!.Value).ToHashSet();
        entity.Venues.RemoveAll(v => !kept.Contains(v.Id));
        foreach (var venue in input.Venues)
        {
            var existing = venue.Id is > 0 ? entity.Venues.First(v => v.Id == venue.Id) : null;
            if (existing is null)
            {
                existing = new Venue { Name = "" };
                entity.Venues.Add(existing);
            }

            existing.Name = venue.Name!.Trim();
            existing.NameEn = Clean(venue.NameEn);
            existing.Address = Clean(venue.Address);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Saves, or reports the organisation as it is now if someone saved it between our read and our write.</summary>
    private Task SaveOrConflictAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(localizer["Organisations_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Event_Error_UnknownOrganisation"], id));

    private static IQueryable<OrganisationDetails> Project(IQueryable<Organisation> organisations) =>
        organisations.Select(o => new OrganisationDetails(
            o.Id, o.Name, o.NameEn, o.Kind, o.ParentId, o.Parent != null ? o.Parent.Name : null, o.Address,
            o.Venues.OrderBy(v => v.Name).Select(v => new VenueDetails(v.Id, v.Name, v.NameEn, v.Address)).ToList(),
            o.Version));
}
