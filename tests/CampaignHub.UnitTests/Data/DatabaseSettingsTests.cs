using CampaignHub.Web.Data;
using CampaignHub.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CampaignHub.UnitTests.Data;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings Read(params (string Key, string? Value)[] values) =>
        DatabaseSettings.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build(),
            "/srv/campaignhub");

    [Fact]
    public void Sqlite_is_the_default_with_a_file_under_the_content_root()
    {
        var settings = Read();

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.SqliteFile.ShouldBe("/srv/campaignhub/data/campaignhub.db");
        settings.ConnectionString.ShouldContain("/srv/campaignhub/data/campaignhub.db");
        settings.MigrateOnStartup.ShouldBeTrue();
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLSERVER", DatabaseProvider.SqlServer)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    public void Provider_names_ignore_case(string name, DatabaseProvider expected)
    {
        var connectionString = expected switch
        {
            DatabaseProvider.Sqlite => "Data Source=a.db",
            DatabaseProvider.PostgreSql => "Host=db;Database=x",
            _ => "Server=db;Database=x",
        };
        var settings = Read(("Database:Provider", name), ("ConnectionStrings:CampaignHub", connectionString));

        settings.Provider.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("2")]
    public void An_unknown_provider_names_the_key(string name)
    {
        var error = Should.Throw<StartupConfigurationException>(() => Read(("Database:Provider", name)));

        error.Key.ShouldBe("Database:Provider");
        error.Message.ShouldContain(name);
        error.Message.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=a.db;Nonsense=1")]
    [InlineData("Sqlite", "Mode=ReadOnly")]
    [InlineData("SqlServer", "not a connection string")]
    [InlineData("SqlServer", "")]
    [InlineData("PostgreSql", "Host=db;Nonsense=1")]
    [InlineData("PostgreSql", "Database=x")]
    [InlineData("PostgreSql", "")]
    public void A_malformed_or_missing_connection_string_names_the_key(string provider, string connectionString)
    {
        var error = Should.Throw<StartupConfigurationException>(() =>
            Read(("Database:Provider", provider), ("ConnectionStrings:CampaignHub", connectionString)));

        error.Key.ShouldBe("ConnectionStrings:CampaignHub");
    }

    [Theory]
    [InlineData("SqlServer", "Server=db;Password=Secret123;Bogus=1")]
    [InlineData("PostgreSql", "Host=db;Password=Secret123;Bogus=1")]
    public void The_error_message_never_repeats_the_connection_string(string provider, string connectionString)
    {
        var error = Should.Throw<StartupConfigurationException>(() =>
            Read(("Database:Provider", provider), ("ConnectionStrings:CampaignHub", connectionString)));

        error.Message.ShouldNotContain("Secret123");
    }
}
