using CampaignHub.Web.Features.AdminCommands;

namespace CampaignHub.UnitTests.Features.AdminCommands;

public sealed class CommandOptionsTests
{
    private static readonly string[] Allowed = ["--email", "--role"];

    [Fact]
    public void Pairs_are_read_in_any_order()
    {
        CommandOptions.TryParse(["--role", "Staff", "--email", "a@b.org"], Allowed, out var options, out _).ShouldBeTrue();

        options["--email"].ShouldBe("a@b.org");
        options["--role"].ShouldBe("Staff");
    }

    [Theory]
    [InlineData("Unknown option '--name'", "--name", "x")]
    [InlineData("Option --email needs a value", "--email")]
    [InlineData("Option --email needs a value", "--email", "--role", "Staff")]
    [InlineData("Option --role is given twice", "--role", "A", "--role", "B")]
    public void Bad_command_lines_say_what_is_wrong(string expected, params string[] args)
    {
        CommandOptions.TryParse(args, Allowed, out _, out var problem).ShouldBeFalse();

        problem.ShouldStartWith(expected);
    }

    [Theory]
    [InlineData(true, "migrate")]
    [InlineData(true, "users", "list")]
    [InlineData(false, "--urls", "http://localhost:5000")]
    [InlineData(false)]
    public void Only_command_words_run_a_command_instead_of_the_server(bool expected, params string[] args) =>
        AdminCommandLine.IsAdminCommand(args).ShouldBe(expected);
}
