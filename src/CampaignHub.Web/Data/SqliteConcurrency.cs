using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CampaignHub.Web.Data;

/// <summary>
/// How many users share one SQLite file. In write-ahead-log mode readers never wait for a writer (a long import no
/// longer blocks token checks, feeds and pages); writers queue for the one write lock, each waiting up to
/// <see cref="BusyTimeout"/> inside SQLite instead of failing at once with "database is locked".
/// </summary>
public static class SqliteConcurrency
{
    /// <summary>
    /// Longer than the longest write a user may start: a 10,000-row import held the write lock 26-55 s on a loaded
    /// two-core machine (load average 19-31), so at 30 s the writers queued behind it failed with a 500. Waiting is
    /// what "slower at worst" means; the import's own inserts cannot be split without giving up all-or-nothing.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(120);

    /// <summary>WAL is a property of the file: set once at start-up, it stays for every later connection.</summary>
    public static async Task UseWriteAheadLogAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode=WAL").ToListAsync(cancellationToken);
        if (!string.Equals(mode.FirstOrDefault(), "wal", StringComparison.OrdinalIgnoreCase))
        {
            // An in-memory database has no log file; anything else must not silently fall back to blocking readers.
            throw new InvalidOperationException($"SQLite did not switch to WAL mode (journal_mode is '{mode.FirstOrDefault()}').");
        }
    }

    /// <summary>The busy timeout is per connection: set on every one as it opens.</summary>
    public sealed class BusyTimeoutInterceptor : DbConnectionInterceptor
    {
        public static readonly BusyTimeoutInterceptor Instance = new();

        private static readonly string Pragma = $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds};";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }
}
