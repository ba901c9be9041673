using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Units;

/// <summary>
/// The participating units (committees, departments, partner sites, party branches, expert teams) and their
/// coordinators. Everyone signed in reads them; only admins create, change or delete them, and only users in the
/// Coordinator role can be made coordinators.
/// </summary>
public sealed class UnitService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    ILookupNormalizer normalizer,
    IStringLocalizer<SharedResource> localizer)
{
    public const int NameMaxLength = 100;
    public const int NameEnMaxLength = 200;

    public async Task<IReadOnlyList<UnitDetails>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QueryDetailsAsync(db.Units.AsNoTracking().OrderBy(c => c.Name), cancellationToken);
    }

    public async Task<UnitDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await QueryDetailsAsync(db.Units.AsNoTracking().Where(c => c.Id == id), cancellationToken)).FirstOrDefault();
    }

    /// <summary>The users an admin can pick as coordinators: everyone in the Coordinator role.</summary>
    public async Task<IReadOnlyList<CoordinatorDetails>> ListCoordinatorCandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from u in db.Users.AsNoTracking()
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == Roles.Coordinator
                      orderby u.Email
                      select new CoordinatorDetails(u.Id, u.Email ?? "", u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<UnitDetails> CreateAsync(Actor actor, UnitInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Units_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coordinatorIds = await ValidateAsync(db, input, null, cancellationToken);

        var entity = new Unit { Name = "" };
        Apply(entity, input, coordinatorIds);
        db.Units.Add(entity);
        await SaveOrNameTakenAsync(db, input, () => db.SaveChangesAsync(cancellationToken));
        return (await GetAsync(entity.Id, cancellationToken))!;
    }

    /// <summary>Saves the unit if nobody changed it since <paramref name="version"/>; otherwise a conflict with the current one.</summary>
    public async Task<UnitDetails> UpdateAsync(Actor actor, int id, UnitInput input, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Units_Forbidden"]);
        var expected = RequiredVersion.Of(version, localizer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Units.Include(c => c.Coordinators).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                     ?? throw NotFound(id);
        var coordinatorIds = await ValidateAsync(db, input, id, cancellationToken);
        if (entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Units_Conflict"], await GetAsync(id, cancellationToken));
        }

        Apply(entity, input, coordinatorIds);
        // A change of coordinators alone is a change of the unit: bump its version too.
        if (db.ChangeTracker.HasChanges())
        {
            db.Entry(entity).State = EntityState.Modified;
        }

        db.Entry(entity).Property(c => c.Version).OriginalValue = expected;
        // A parallel rename to the same name loses its unique key race: a 409 with the unit as it is now.
        await SaveOrConflictAsync(db, id, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>
    /// The name was free when checked, but a parallel create may take it before ours: that is the same "name taken"
    /// as the check gives, by field, not a server error.
    /// </summary>
    private async Task SaveOrNameTakenAsync(CampaignHubDbContext db, UnitInput input, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var errors = new ValidationErrors();
            errors.Add("name", string.Format(localizer["Units_Error_NameTaken"], ValueEcho.Short(input.Name)));
            errors.ThrowIfAny();
        }
    }

    /// <summary>Deletes a unit that nothing refers to yet; one with events, campaigns or figures stays.</summary>
    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Units_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Units.Include(c => c.Coordinators).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                     ?? throw NotFound(id);
        if (version is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(localizer["Units_Conflict"], await GetAsync(id, cancellationToken));
        }

        var inUse = await db.EventUnits.AnyAsync(e => e.UnitId == id, cancellationToken)
                    || await db.Set<CampaignUnit>().AnyAsync(c => c.UnitId == id, cancellationToken)
                    || await db.MetricValues.AnyAsync(v => v.UnitId == id, cancellationToken);
        if (inUse)
        {
            var errors = new ValidationErrors();
            errors.Add("id", localizer["Units_Error_InUse"]);
            errors.ThrowIfAny();
        }

        db.Units.Remove(entity);
        await SaveOrConflictAsync(db, id, cancellationToken);
    }

    /// <summary>Checks every field; returns the user ids of the coordinators named by e-mail.</summary>
    private async Task<List<string>> ValidateAsync(CampaignHubDbContext db, UnitInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ListLimits.Check(errors, localizer, "coordinatorEmails", input.CoordinatorEmails.Count, ListLimits.Coordinators);
        errors.ThrowIfAny();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", localizer["Units_Error_NameRequired"]);
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add("name", string.Format(localizer["Error_TooLong"], NameMaxLength));
        }
        else if (await db.Units.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            errors.Add("name", string.Format(localizer["Units_Error_NameTaken"], ValueEcho.Short(name)));
        }

        if (input.NameEn?.Trim().Length > NameEnMaxLength)
        {
            errors.Add("nameEn", string.Format(localizer["Error_TooLong"], NameEnMaxLength));
        }

        if (!string.IsNullOrWhiteSpace(input.Kind) && !Codes<UnitKind>.TryParse(input.Kind, out _))
        {
            errors.Add("kind", string.Format(localizer["Units_Error_UnknownKind"], ValueEcho.Short(input.Kind), string.Join(", ", Codes<UnitKind>.All)));
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add("organisationId", string.Format(localizer["Units_Error_UnknownOrganisation"], organisationId));
        }

        var userIds = new List<string>();
        var emails = input.CoordinatorEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.Count > 0)
        {
            var normalised = emails.Select(normalizer.NormalizeEmail).ToList();
            var users = await db.Users.AsNoTracking()
                .Where(u => normalised.Contains(u.NormalizedEmail!))
                .Select(u => new
                {
                    u.Id,
                    u.NormalizedEmail,
                    IsCoordinator = db.UserRoles.Any(ur => ur.UserId == u.Id
                                                          && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)),
                })
                .ToListAsync(cancellationToken);
            foreach (var email in emails)
            {
                var user = users.FirstOrDefault(u => u.NormalizedEmail == normalizer.NormalizeEmail(email));
                if (user is null)
                {
                    errors.Add("coordinatorEmails", string.Format(localizer["Units_Error_UnknownUser"], ValueEcho.Short(email)));
                }
                else if (!user.IsCoordinator)
                {
                    errors.Add("coordinatorEmails", string.Format(localizer["Units_Error_NotCoordinator"], ValueEcho.Short(email)));
                }
                else
                {
                    userIds.Add(user.Id);
                }
            }
        }

        errors.ThrowIfAny();
        return userIds;
    }

    private static void Apply(Unit entity, UnitInput input, List<string> coordinatorIds)
    {
        entity.Name = input.Name!.Trim();
        entity.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        entity.Kind = Codes<UnitKind>.TryParse(input.Kind, out var kind) ? kind : UnitKind.Committee;
        entity.OrganisationId = input.OrganisationId;
        entity.Coordinators.RemoveAll(c => !coordinatorIds.Contains(c.UserId));
        foreach (var userId in coordinatorIds.Where(u => entity.Coordinators.All(c => c.UserId != u)))
        {
            entity.Coordinators.Add(new UnitCoordinator { UserId = userId });
        }
    }

    /// <summary>Saves, or reports the unit as it is now if someone saved it between our read and our write.</summary>
    private Task SaveOrConflictAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(localizer["Units_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Units_NotFound"], id));

    private static async Task<IReadOnlyList<UnitDetails>> QueryDetailsAsync(IQueryable<Unit> units, CancellationToken cancellationToken)
    {
        var rows = await units
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.NameEn,
                c.Kind,
                c.OrganisationId,
                OrganisationName = c.Organisation == null ? null : c.Organisation.Name,
                c.Version,
                Coordinators = c.Coordinators.Select(x => new CoordinatorDetails(x.UserId, x.User!.Email ?? "", x.User.DisplayName)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var coordinators = r.Coordinators.OrderBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToList();
                return new UnitDetails(r.Id, r.Name, r.NameEn, r.Kind, r.OrganisationId, r.OrganisationName, coordinators.Select(c => c.Email).ToList(), coordinators, r.Version);
            })
            .ToList();
    }
}
