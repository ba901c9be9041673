using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CampaignHub.UnitTests.Resources;

/// <summary>
/// A missing key shows its name on screen instead of text, silently: these tests catch it before a user does.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    private static readonly string WebProject = Path.Combine(FindRoot(), "src", "CampaignHub.Web");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void English_and_chinese_resources_have_the_same_keys()
    {
        var en = Load("SharedResource.resx");
        var zh = Load("SharedResource.zh-CN.resx");

        en.Keys.Except(zh.Keys).ShouldBeEmpty("keys missing in SharedResource.zh-CN.resx");
        zh.Keys.Except(en.Keys).ShouldBeEmpty("keys missing in SharedResource.resx");
        en.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).ShouldBeEmpty();
        zh.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).ShouldBeEmpty();
    }

    [Fact]
    public void Chinese_texts_are_written_in_chinese()
    {
        var zh = Load("SharedResource.zh-CN.resx");
        // Language names are shown in their own language on purpose; a unit's word (%unit%) becomes 专委会, 科室… in a report.
        var notChinese = zh.Where(kv => kv.Key != "Culture_en" && !Cjk().IsMatch(kv.Value.Replace("%unit%", "单位"))).Select(kv => kv.Key).ToList();

        notChinese.ShouldBeEmpty();
    }

    [Fact]
    public void Placeholders_agree_between_languages()
    {
        var en = Load("SharedResource.resx");
        var zh = Load("SharedResource.zh-CN.resx");

        foreach (var (key, text) in en)
        {
            Placeholder().Matches(zh[key]).Select(m => m.Value).Order()
                .ShouldBe(Placeholder().Matches(text).Select(m => m.Value).Order(), key);
        }
    }

    [Fact]
    public void Every_key_the_components_use_exists()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebProject, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        used.ShouldNotBeEmpty();
        used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ShouldBeEmpty();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CampaignHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""\bL\["([A-Za-z0-9_\-]+)"\]""")]
    private static partial Regex LiteralKey();
}
