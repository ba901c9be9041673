using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// Upload bombs against the app running as its own process, its resident memory sampled from <c>/proc</c> while it
/// reads them: each is refused with a short, clear 400, nothing is stored, and the process stays below 1 GiB.
/// The files are made by the test (<see cref="HostileFiles"/>), never committed.
/// </summary>
[Collection(ServedAppCollection.Name)]
public sealed class HostileUploadTests(ServedApp app, ITestOutputHelper output)
{
    private const long MemoryCeiling = 1L << 30;

    /// <summary>A refusal quotes at most a short prefix of the user's value, so it stays small whatever was sent.</summary>
    private const int MaxAnswerLength = 16 * 1024;

    public static TheoryData<string, string> Bombs => new()
    {
        // 300 million characters in one shared string: about 300 KB zipped.
        { "huge-cell.xlsx", "far longer than a cell may hold (32767 characters)" },
        // A1:XFD6 declared and filled: 16,384 columns.
        { "wide.xlsx", "at most 200 columns" },
        // 20,000 empty header cells over 20,000 rows.
        { "wide-header.csv", "The column \"kind\" is missing." },
        // One 19 MB header cell, which an unknown-column error used to quote in full (80 MB of JSON).
        { "long-header.csv", "This cell holds more than 32767 characters" },
    };

    private static byte[] Bomb(string name) => name switch
    {
        "huge-cell.xlsx" => HostileFiles.HugeCellWorkbook(300_000_000),
        "wide.xlsx" => HostileFiles.WideWorkbook(),
        "wide-header.csv" => HostileFiles.WideEmptyHeaderCsv(20_000, 20_000),
        "long-header.csv" => HostileFiles.LongHeaderCsv(19 * 1024 * 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_spreadsheet_bomb_is_refused_with_a_short_message_and_the_app_stays_below_1_GiB(string name, string expected)
    {
        var campaign = await app.Setup.AddCampaignAsync($"炸弹 {name}", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        var bytes = Bomb(name);
        using var client = app.Client(app.CoordinatorToken);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");

        var clock = Stopwatch.StartNew();
        var ((status, body), peak) = await app.WatchMemoryAsync(async () =>
        {
            var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", new MultipartFormDataContent { { file, "file", name } });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });

        output.WriteLine($"FIGURE {name}: {bytes.Length / 1024} KB sent, HTTP {(int)status} in {clock.ElapsedMilliseconds} ms, "
                         + $"answer {body.Length} chars, app peak RSS {peak / (1024 * 1024)} MB");
        status.ShouldBe(HttpStatusCode.BadRequest, body.Length > 2000 ? body[..2000] : body);
        body.Length.ShouldBeLessThan(MaxAnswerLength);
        var messages = Messages(body);
        output.WriteLine("  " + messages);
        messages.ShouldContain(expected);
        peak.ShouldBeLessThan(MemoryCeiling);
        await using var db = await app.Setup.DbAsync();
        (await db.Events.CountAsync(e => e.CampaignId == campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task A_30000_by_30000_png_of_a_hundred_kilobytes_is_refused_by_its_pixel_size_and_not_stored()
    {
        var campaign = await app.Setup.AddCampaignAsync("像素炸弹", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        using var client = app.Client(app.CoordinatorToken);
        var created = await client.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign, unitIds = new[] { app.UnitId }, title = "义诊", kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", venue = "门诊大厅",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var bytes = HostileFiles.Png(30_000, 30_000);
        var image = new ByteArrayContent(bytes);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var clock = Stopwatch.StartNew();
        var ((status, body), peak) = await app.WatchMemoryAsync(async () =>
        {
            var response = await client.PostAsync($"/api/events/{eventId}/photos", new MultipartFormDataContent { { image, "file", "bomb.png" } });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });

        output.WriteLine($"FIGURE bomb.png 30000x30000: {bytes.Length / 1024} KB sent, HTTP {(int)status} in {clock.ElapsedMilliseconds} ms, app peak RSS {peak / (1024 * 1024)} MB");
        status.ShouldBe(HttpStatusCode.BadRequest, body);
        Messages(body).ShouldContain("30000 × 30000 pixels");
        peak.ShouldBeLessThan(MemoryCeiling);
        await using var db = await app.Setup.DbAsync();
        (await db.EventPhotos.CountAsync(p => p.EventId == eventId)).ShouldBe(0);
    }

    /// <summary>Every text of a problem-details answer, as the user reads it (JSON escapes decoded).</summary>
    private static string Messages(string body)
    {
        var texts = new List<string>();
        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
            }
        }

        Collect(JsonDocument.Parse(body).RootElement);
        return string.Join(" | ", texts.Distinct());
    }
}
