namespace CampaignHub.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding CampaignHub.sln, found from the test assembly's location.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in (Debug or Release), used to find the app's own output.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>
    /// The source reports: <c>../shared/seeds</c> beside the repository when it is there, else the copy kept in
    /// <c>docs/source-reports</c> (a clone on its own, as in CI).
    /// </summary>
    public static string SeedsDirectory { get; } =
        Directory.Exists(Path.Combine(Path.GetDirectoryName(Root)!, "shared", "seeds"))
            ? Path.Combine(Path.GetDirectoryName(Root)!, "shared", "seeds")
            : Path.Combine(Root, "docs", "source-reports");

    public static string WebAppDirectory => Path.Combine(Root, "src", "CampaignHub.Web", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CampaignHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CampaignHub.sln not found above " + AppContext.BaseDirectory);
    }
}
