using System.Text;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignHub.Web.Data.Tallies;

/// <summary>
/// Inserts tallies with plain batched INSERTs in the save's transaction, as <see cref="AuditWriter"/> does audit
/// rows: through the change tracker a recount would be a save inside the save. Codes and values are written as the
/// model's converters store them.
/// </summary>
internal static class TallyWriter
{
    /// <summary>Rows per statement: far below SQLite's and SQL Server's parameter limits (8 columns a row).</summary>
    private const int RowsPerStatement = 200;

    public static Task InsertAsync(DbContext db, IReadOnlyList<EventTally> rows, CancellationToken cancellationToken) =>
        InsertAsync(db, typeof(EventTally),
            [nameof(EventTally.CampaignId), nameof(EventTally.UnitId), nameof(EventTally.Span), nameof(EventTally.Date), nameof(EventTally.Kind),
             nameof(EventTally.Channel), nameof(EventTally.Status), nameof(EventTally.Events)],
            rows, t => [t.CampaignId, t.UnitId, Codes<TallySpan>.Of(t.Span), t.Date, Codes<EventKind>.Of(t.Kind), Codes<EventChannel>.Of(t.Channel),
                Codes<EventStatus>.Of(t.Status), t.Events],
            cancellationToken);

    public static Task InsertAsync(DbContext db, IReadOnlyList<FigureTally> rows, CancellationToken cancellationToken) =>
        InsertAsync(db, typeof(FigureTally),
            [nameof(FigureTally.CampaignId), nameof(FigureTally.UnitId), nameof(FigureTally.Span), nameof(FigureTally.Date),
             nameof(FigureTally.MetricDefinitionId), nameof(FigureTally.Value)],
            rows, t => [t.CampaignId, t.UnitId, Codes<TallySpan>.Of(t.Span), t.Date, t.MetricDefinitionId, (double)t.Value],
            cancellationToken);

    private static async Task InsertAsync<T>(
        DbContext db, Type type, string[] properties, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Tallies are written inside the save's transaction.");
        var (table, columns) = Table(db, type, properties);
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - offset);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var row = 0; row < count; row++)
            {
                var cells = values(rows[offset + row]);
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < cells.Length; column++)
                {
                    var name = $"@p{row}_{column}";
                    text.Append(column == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = cells[column] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                text.Append(')');
            }

            command.CommandText = text.Append(';').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static (string Table, List<string> Columns) Table(DbContext db, Type type, string[] properties)
    {
        var entity = db.Model.FindEntityType(type)!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()),
            properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(table)!)).ToList());
    }
}
