using System.Text.Json;
using CampaignHub.Web.Data;

namespace CampaignHub.UnitTests.Data;

/// <summary>The audit trail's JSON of old and new values, written by hand for speed, reads as it always did.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public void Changes_are_written_exactly_as_the_serializer_wrote_them_before()
    {
        var changes = new Dictionary<string, object?[]>
        {
            ["Title"] = [null, "乳腺癌义诊 \"免费\" <咨询> & 筛查"],
            ["Highlight"] = [false, true],
            ["UnitId"] = [3, 12],
            ["Id"] = [null, 1234567890123L],
            ["Value"] = [null, 38171.5],
            ["Amount"] = [1.25m, 2.50m],
            ["Narrative"] = ["第一行\n第二行\t末尾", null],
            ["StartsAt"] = [null, "2021-04-16T09:00:00"],
        };

        var before = JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { old = c.Value[0], @new = c.Value[1] }));

        AuditTrail.ChangesJson(changes).ShouldBe(before);
    }

    [Fact]
    public void No_changes_are_an_empty_object()
    {
        AuditTrail.ChangesJson([]).ShouldBe("{}");
    }
}
