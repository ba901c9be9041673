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
    /// PostgreSQL: an advisory lock on <paramref name="resource"/>, likewise; its transactions read committed, so the
    /// check after the lock sees what the previous holder wrote.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSerialisedAsync(this DatabaseFacade database, string resource, CancellationToken cancellationToken)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsSqlServer())
        {
            await database.TakeApplicationLockAsync(resource, exclusive: true, LockTimeout, cancellationToken);
        }
        else if (database.IsNpgsql())
        {
            await database.TakeAdvisoryLockAsync(resource, LockTimeout, cancellationToken);
        }

        return transaction;
    }

    /// <summary>
    /// PostgreSQL: an exclusive advisory lock on <paramref name="resource"/> held until the current transaction ends
    /// (taking it again in the same transaction is allowed and waits for nothing). Waiting longer than
    /// <paramref name="timeout"/> fails the statement, and with it the transaction: the work never goes on unserialised.
    /// </summary>
    public static Task TakeAdvisoryLockAsync(this DatabaseFacade database, string resource, TimeSpan timeout, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync(
            "SELECT set_config('lock_timeout', {1}, true); SELECT pg_advisory_xact_lock(hashtextextended({0}, 0));",
            [resource, $"{(int)timeout.TotalMilliseconds}ms"], cancellationToken);

    /// <summary>
    /// SQL Server: an application lock on <paramref name="resource"/> held until the current transaction ends, shared
    /// or exclusive. <c>sp_getapplock</c> reports a timeout or deadlock by its return value, not by an error, so the
    /// batch raises one: the caller's work never goes on unserialised.
    /// </summary>
    public static Task TakeApplicationLockAsync(this DatabaseFacade database, string resource, bool exclusive, TimeSpan timeout, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync(
            "DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = {0}, @LockMode = {1}, @LockOwner = N'Transaction', @LockTimeout = {2}; "
            + "IF @granted < 0 THROW 51000, N'The lock was not granted in time.', 1;",
            [resource, exclusive ? "Exclusive" : "Shared", (int)timeout.TotalMilliseconds], cancellationToken);
}
