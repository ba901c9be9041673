using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignHub.Web.Data;

/// <summary>
/// A check and the write it allows as one unit: a transaction that holds the lock before its first read, so two
/// requests cannot both check, both pass and both insert (20 parallel duty assignments once gave two 201s).
/// </summary>
public static class SerialisedWrites
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: <c>BEGIN IMMEDIATE</c> (what Microsoft.Data.Sqlite begins with) takes the database's one write lock at
    /// once. SQL Server: an exclusive application lock on <paramref name="resource"/>, released with the transaction.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSerialisedAsync(this DatabaseFacade database, string resource, CancellationToken cancellationToken)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsSqlServer())
        {
            await database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = {1}",
                [resource, (int)LockTimeout.TotalMilliseconds], cancellationToken);
        }

        return transaction;
    }
}
