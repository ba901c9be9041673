using System.Text;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignHub.Web.Data;

/// <summary>
/// Inserts audit entries with plain batched INSERTs in the save's own transaction. Through EF's change tracker a
/// 10,000-row import spent as long writing its ~70,000 audit rows as writing the rows themselves.
/// </summary>
internal static class AuditWriter
{
    private const int RowsPerStatement = 100;

    private static readonly string[] Properties =
    [
        nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserEmail), nameof(AuditEntry.EntityType),
        nameof(AuditEntry.EntityId), nameof(AuditEntry.Action), nameof(AuditEntry.Changes), nameof(AuditEntry.CampaignId),
    ];

    public static async Task WriteAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Audit entries are written inside the save's transaction.");
        var table = Table(db);
        for (var offset = 0; offset < entries.Count; offset += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, entries.Count - offset);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = table.Insert(rows);
            for (var row = 0; row < rows; row++)
            {
                var entry = entries[offset + row];
                object?[] values = [entry.At, entry.UserId, entry.UserEmail, entry.EntityType, entry.EntityId, entry.Action, entry.Changes, entry.CampaignId];
                for (var column = 0; column < values.Length; column++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{row}_{column}";
                    parameter.Value = values[column] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static AuditTable Table(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = Properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName())).ToList();
        return new AuditTable(sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()), columns);
    }

    private sealed record AuditTable(string Name, IReadOnlyList<string> Columns)
    {
        public string Insert(int rows)
        {
            var text = new StringBuilder($"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                text.Append(string.Join(", ", Enumerable.Range(0, Columns.Count).Select(column => $"@p{row}_{column}")));
                text.Append(')');
            }

            return text.Append(';').ToString();
        }
    }
}
