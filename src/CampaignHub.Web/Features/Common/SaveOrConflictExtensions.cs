using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Common;

public static class SaveOrConflictExtensions
{
    /// <summary>
    /// Saves, or, when someone saved the same record between our read and our write, throws
    /// <see cref="ConcurrencyConflictException"/> carrying the record as it is now (from <paramref name="current"/>):
    /// nothing was overwritten. A parallel save that got a unique key first (the same target added twice) is the
    /// same kind of conflict, answered the same way, on SQLite and SQL Server alike.
    /// </summary>
    public static async Task SaveOrConflictAsync<T>(
        this CampaignHubDbContext db, string conflictMessage, Func<Task<T>> current, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(conflictMessage, await current());
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConcurrencyConflictException(conflictMessage, await current());
        }
    }
}
