using System.Runtime.CompilerServices;

namespace CampaignHub.Web.Data;

/// <summary>
/// Event times are the association's wall-clock times and stamps are UTC, both as plain <see cref="DateTime"/>
/// values that SQLite and SQL Server store without a zone and give back as <see cref="DateTimeKind.Unspecified"/>.
/// Npgsql's default maps <see cref="DateTime"/> to <c>timestamp with time zone</c> and refuses any but UTC values,
/// which would shift every wall-clock time by its zone. Its timestamp switch maps them to <c>timestamp without time
/// zone</c> and reads them back unspecified, as the other providers do. The switch is read once, the first time Npgsql
/// is used in the process, so it is set when this assembly loads: before the app, dotnet-ef or a test touches Npgsql.
/// </summary>
internal static class PostgreSqlTimestamps
{
    public const string Switch = "Npgsql.EnableLegacyTimestampBehavior";

    [ModuleInitializer]
    internal static void StoreTimesWithoutZone() => AppContext.SetSwitch(Switch, true);
}
