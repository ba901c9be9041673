namespace CampaignHub.Web.Hosting;

/// <summary>
/// A setting that keeps the app from starting. Program prints <see cref="Exception.Message"/> as one line and exits
/// non-zero, so an operator sees which key to fix instead of a half-configured app or a stack trace.
/// </summary>
public sealed class StartupConfigurationException(string key, string problem)
    : Exception($"CampaignHub cannot start: {key}: {OneLine(problem)}")
{
    public string Key { get; } = key;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
