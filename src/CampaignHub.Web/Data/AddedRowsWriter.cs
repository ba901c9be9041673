using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignHub.Web.Data;

/// <summary>
/// Writes the added records of a save with plain INSERTs built from the model, instead of EF's per-row update
/// pipeline: a 10,000-row import adds about 70,000 records, and EF spent most of the import's time on its own
/// bookkeeping for each. Everything else about the save stays as <see cref="SaveRules"/> makes it (the stamps and
/// versions are on the records already; the audit entries and tallies are written after), so
/// <see cref="CampaignHubDbContext.SaveAddedInBulkAsync"/> is the same save with a faster writer.
/// <para>
/// Principals go before their dependents (events before their units and figures). A key the database assigns is read
/// back per row and set on the entry, which gives it to the dependents' foreign keys as EF's own save does. Where the
/// driver sends several commands in one round trip (<see cref="DbConnection.CanCreateBatch"/>: PostgreSQL, SQL
/// Server) the rows go in batches of single-row INSERTs, each answering its key in order; SQLite runs in the process,
/// so one prepared statement executed per row costs no round trip.
/// </para>
/// </summary>
internal static class AddedRowsWriter
{
    private const int RowsPerBatch = 500;

    public static async Task<int> WriteAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("A bulk save only adds records; save changes and deletes with SaveChangesAsync.");
        }

        var added = entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata)
            .ToDictionary(g => g.Key, g => g.Select(e => new Row(e.Entity, e)).ToList());
        var written = 0;
        foreach (var type in PrincipalsFirst(added.Keys))
        {
            var rows = added[type];
            // A key the database assigns, unless these records were given theirs.
            var key = GeneratedKey(type) is { } generated && rows.All(r => r.Entry!.Property(generated).IsTemporary) ? generated : null;
            written += await WriteRowsAsync(db, type, rows, key, readKeys: true, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Inserts records that are not tracked and whose keys nobody needs back (a save's audit entries, the tallies it
    /// recounts), in the save's transaction: the database numbers them. Through the change tracker these would be a
    /// save inside the save.
    /// </summary>
    public static Task<int> WriteUntrackedAsync<T>(DbContext db, IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        return WriteRowsAsync(db, type, records.Select(r => new Row(r, null)).ToList(), GeneratedKey(type), readKeys: false, cancellationToken);
    }

    /// <summary>The single key column the database fills on insert, if the type has one.</summary>
    private static IProperty? GeneratedKey(IEntityType type)
    {
        var key = type.FindPrimaryKey()!.Properties;
        return key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
    }

    private static async Task<int> WriteRowsAsync(
        DbContext db, IEntityType type, List<Row> rows, IProperty? generatedKey, bool readKeys, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("A bulk save runs inside the save's transaction.");
        var table = Table.Of(type, generatedKey, readKeys, db.GetService<ISqlGenerationHelper>(), db.Database.IsSqlServer());
        return connection.CanCreateBatch
            ? await WriteInBatchesAsync(connection, transaction, table, rows, cancellationToken)
            : await WriteOneByOneAsync(connection, transaction, table, rows, cancellationToken);
    }

    /// <summary>A record to insert, with its change-tracker entry when it is tracked (its key is then set back on it).</summary>
    private sealed record Row(object Entity, EntityEntry? Entry);

    /// <summary>The record types in an order where every type comes after the types its foreign keys point to.</summary>
    private static List<IEntityType> PrincipalsFirst(IReadOnlyCollection<IEntityType> types)
    {
        var ordered = new List<IEntityType>();
        var left = types.ToHashSet();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !left.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The added records' types refer to each other in a cycle: {string.Join(", ", left.Select(t => t.ClrType.Name))}.");
            }

            ordered.AddRange(ready.OrderBy(t => t.ClrType.Name, StringComparer.Ordinal));
            left.ExceptWith(ready);
        }

        return ordered;
    }

    private static async Task<int> WriteOneByOneAsync(
        DbConnection connection, DbTransaction transaction, Table table, List<Row> rows, CancellationToken cancellationToken)
    {
        // SQLite gives the new row's key without a result set to read (RETURNING costs a data reader per row).
        var sqlite = connection as Microsoft.Data.Sqlite.SqliteConnection;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.Insert(0, returning: sqlite is null);
        var parameters = table.Columns.Select((_, i) => table.Parameter(command, i, 0, null)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        var converters = table.Columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = Table.ModelValue(table.Columns[i], row);
                parameters[i].Value = (value is not null && converters[i] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            if (sqlite is not null)
            {
                // In the process and synchronous underneath: the async call would only add a task per row.
                cancellationToken.ThrowIfCancellationRequested();
                command.ExecuteNonQuery();
                if (table.ReadsKey)
                {
                    table.SetKey(row, SQLitePCL.raw.sqlite3_last_insert_rowid(sqlite.Handle));
                }
            }
            else if (table.ReadsKey)
            {
                table.SetKey(row, await command.ExecuteScalarAsync(cancellationToken));
            }
            else
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return rows.Count;
    }

    private static async Task<int> WriteInBatchesAsync(
        DbConnection connection, DbTransaction transaction, Table table, List<Row> rows, CancellationToken cancellationToken)
    {
        // Parameters are made by a command (the type mappings configure them there) and then given to the batch's.
        await using var maker = connection.CreateCommand();
        foreach (var chunk in rows.Chunk(RowsPerBatch))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            for (var r = 0; r < chunk.Length; r++)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = table.Insert(r);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    command.Parameters.Add(table.Parameter(maker, i, r, chunk[r]));
                }

                batch.BatchCommands.Add(command);
            }

            if (!table.ReadsKey)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var row in chunk)
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The database did not answer the key of a new {table.Name} row.");
                }

                table.SetKey(row, reader.GetValue(0));
                await reader.NextResultAsync(cancellationToken);
            }
        }

        return rows.Count;
    }

    /// <summary>One record type's table: its columns, and the key the database assigns when there is one.</summary>
    private sealed record Table(
        string Name, string QuotedName, IReadOnlyList<IProperty> Columns, IProperty? GeneratedKey, bool ReadsKey, ISqlGenerationHelper Sql, bool OutputClause)
    {
        public static Table Of(IEntityType type, IProperty? generatedKey, bool readKeys, ISqlGenerationHelper sql, bool outputClause)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties()
                .Where(p => p != generatedKey && p.GetColumnName(table) is not null && p.GetComputedColumnSql(table) is null)
                .ToList();
            return new Table(type.ClrType.Name, sql.DelimitIdentifier(table.Name, table.Schema), columns, generatedKey,
                generatedKey is not null && readKeys, sql, outputClause);
        }

        /// <summary>A single-row INSERT whose parameters carry the row's number, so a batch can hold many.</summary>
        public string Insert(int row, bool returning = true)
        {
            var readsKey = ReadsKey && returning;
            var text = new StringBuilder($"INSERT INTO {QuotedName} (");
            text.AppendJoin(", ", Columns.Select(c => Sql.DelimitIdentifier(c.GetColumnName())));
            text.Append(')');
            if (readsKey && OutputClause)
            {
                text.Append($" OUTPUT INSERTED.{Sql.DelimitIdentifier(GeneratedKey!.GetColumnName())}");
            }

            text.Append(" VALUES (");
            text.AppendJoin(", ", Columns.Select((_, i) => Sql.GenerateParameterNamePlaceholder($"p{row}_{i}")));
            text.Append(')');
            if (readsKey && !OutputClause)
            {
                text.Append($" RETURNING {Sql.DelimitIdentifier(GeneratedKey!.GetColumnName())}");
            }

            return text.ToString();
        }

        /// <summary>The parameter of column <paramref name="index"/> for a row, typed and converted by the column's mapping.</summary>
        public DbParameter Parameter(DbCommand maker, int index, int row, Row? source)
        {
            var column = Columns[index];
            var value = source is null ? null : ModelValue(column, source);
            return column.GetRelationalTypeMapping().CreateParameter(maker, Sql.GenerateParameterName($"p{row}_{index}"), value, column.IsNullable);
        }

        /// <summary>
        /// The record's value, or the column's default where EF would leave the column out and let the database fill
        /// it (a value generated on add still at its sentinel).
        /// </summary>
        public static object? ModelValue(IProperty column, Row row)
        {
            var value = column.IsShadowProperty()
                ? (row.Entry ?? throw new InvalidOperationException($"{column.Name} is a shadow property; only a tracked record has it.")).Property(column).CurrentValue
                : column.GetGetter().GetClrValueUsingContainingEntity(row.Entity);
            if (column.ValueGenerated != ValueGenerated.Never && Equals(value, column.Sentinel))
            {
                return column.TryGetDefaultValue(out var fallback)
                    ? fallback
                    : throw new NotSupportedException($"{column.DeclaringType.ClrType.Name}.{column.Name} is filled by the database; a bulk save cannot add it.");
            }

            return value;
        }

        public void SetKey(Row row, object? value)
        {
            if (value is null or DBNull)
            {
                throw new InvalidOperationException($"The database did not answer the key of a new {Name} row.");
            }

            var key = GeneratedKey!;
            var converted = key.GetRelationalTypeMapping().Converter is { } converter
                ? converter.ConvertFromProvider(value)
                : value;
            row.Entry!.Property(key).CurrentValue = Convert.ChangeType(converted, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
