namespace CampaignHub.Web.Features.AdminCommands;

/// <summary>Parses "--name value" pairs of an admin command; unknown, repeated or valueless options are errors.</summary>
public static class CommandOptions
{
    public static bool TryParse(
        IReadOnlyList<string> args,
        IReadOnlyCollection<string> allowed,
        out Dictionary<string, string> options,
        out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                problem = $"Unknown option '{name}'. Expected: {string.Join(", ", allowed)}.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"Option {name} needs a value.";
                return false;
            }

            if (!options.TryAdd(name, args[++i]))
            {
                problem = $"Option {name} is given twice.";
                return false;
            }
        }

        return true;
    }
}
