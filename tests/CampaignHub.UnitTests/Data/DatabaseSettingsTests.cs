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
    public void Provider_names_ignore_case(string name, DatabaseProvider expected)
    {
        var settings = Read(("Database:Provider", name), ("ConnectionStrings:CampaignHub", expected == DatabaseProvider.Sqlite ? "Data Source=a.db" : "Server=db;Database=x"));

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
    public void A_malformed_or_missing_connection_string_names_the_key(string provider, string connectionString)
    {
        var error = Should.Throw<StartupConfigurationException>(() =>
            Read(("Database:Provider", provider), ("ConnectionStrings:CampaignHub", connectionString)));

        error.Key.ShouldBe("ConnectionStrings:CampaignHub");
    }

    [Fact]
    public void The_error_message_never_repeats_the_connection_string()
    {
        var error = Should.Throw<StartupConfigurationException>(() =>
            Read(("Database:Provider", "SqlServer"), ("ConnectionStrings:CampaignHub", "Server=db;Password=Secret123;Bogus=1")));

        error.Message.ShouldNotContain("Secret123");
    }
}
