using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CampaignHub.FunctionalTests.Features.Spreadsheets;

/// <summary>Import, export and template of events with their figures, through the API with real files.</summary>
public sealed class SpreadsheetApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string Header = "title,kind,channel,platform,start,end,units,venue,series,stop,status,highlight,narrative,patients_benefited,staff_medical,reach_douyin";

    private async Task<(int Breast, int Lung, int Campaign)> CampaignAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var breast = await factory.AddUnitAsync($"乳腺癌专委会-{suffix}");
        var lung = await factory.AddUnitAsync($"肺癌专委会-{suffix}");
        var campaign = await factory.AddCampaignAsync("2021 宣传周", new(2021, 4, 15), new(2021, 4, 21), breast, lung);
        return (breast, lung, campaign);
    }

    private async Task<string> NameAsync(int unitId)
    {
        await using var db = await factory.DbAsync();
        return (await db.Units.SingleAsync(c => c.Id == unitId)).Name;
    }

    private static MultipartFormDataContent File(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static MultipartFormDataContent Csv(string text, string fileName = "events.csv") => File(Encoding.UTF8.GetBytes(text), fileName);

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> TotalsAsync(HttpClient client, int campaign, int? unit = null) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals" + (unit is null ? "" : $"?unitId={unit}"));

    private async Task<int> EventCountAsync(int campaign)
    {
        await using var db = await factory.DbAsync();
        return await db.Events.CountAsync(e => e.CampaignId == campaign);
    }

    [Fact]
    public async Task A_csv_file_imports_every_event_with_its_units_and_figures()
    {
        var (breast, lung, campaign) = await CampaignAsync();
        var (adminId, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"""
            {Header}
            乳腺癌义诊,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:30,{await NameAsync(breast)},"省肿瘤医院门诊大厅, 一层",,,held,是,"义诊，""免费""咨询",120,8,
            肺癌科普直播,lecture,online,live_stream,2021/4/17 19:00,2021/4/17 20:00,{lung},,县域巡讲,2,held,no,,,3,5000
            联合义诊,free_clinic,offline,,2021-04-18 09:00,2021-04-18 12:00,{breast}；{await NameAsync(lung)},社区广场,,,held,false,,30,,
            """;

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await JsonAsync(response)).GetProperty("imported").GetInt32().ShouldBe(3);
        var totals = await TotalsAsync(client, campaign);
        totals.GetProperty("eventCount").GetInt32().ShouldBe(3);
        totals.GetProperty("events").GetProperty("free_clinic").GetProperty("offline").GetInt32().ShouldBe(2);
        totals.GetProperty("events").GetProperty("lecture").GetProperty("online").GetInt32().ShouldBe(1);
        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(150);
        totals.GetProperty("metrics").GetProperty("staff_medical").GetDecimal().ShouldBe(11);
        totals.GetProperty("metrics").GetProperty("reach_douyin").GetDecimal().ShouldBe(5000);
        // The joint event is credited to both units.
        (await TotalsAsync(client, campaign, lung)).GetProperty("eventCount").GetInt32().ShouldBe(2);
        (await TotalsAsync(client, campaign, breast)).GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(150);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/events?campaignId={campaign}");
        var first = list.GetProperty("items")[0];
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/events/{first.GetProperty("id").GetInt32()}");
        details.GetProperty("title").GetString().ShouldBe("乳腺癌义诊");
        details.GetProperty("venue").GetString().ShouldBe("省肿瘤医院门诊大厅, 一层");
        details.GetProperty("narrative").GetString().ShouldBe("义诊，\"免费\"咨询");
        details.GetProperty("highlight").GetBoolean().ShouldBeTrue();
        details.GetProperty("status").GetString().ShouldBe("held");
        details.GetProperty("start").GetString().ShouldBe("2021-04-16T09:00:00");

        // The audit trail names the importer for every created event.
        await using var db = await factory.DbAsync();
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CampaignEvent) && a.Action == "create" && a.UserId == adminId && a.CampaignId == campaign))
            .ShouldBe(3);

        // The rows and their audit entries are what a save of the event form writes: stamped, at version 1, every
        // entry naming the row's own key and, for units and figures, the event they belong to.
        var events = await db.Events.AsNoTracking().Where(e => e.CampaignId == campaign).OrderBy(e => e.StartsAt).ToListAsync();
        events.ShouldAllBe(e => e.Version == 1 && e.CreatedById == adminId && e.UpdatedById == adminId);
        var eventAudits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(CampaignEvent) && a.CampaignId == campaign).Select(a => a.EntityId).ToListAsync();
        eventAudits.Order().ShouldBe(events.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).Order());
        var links = await db.EventUnits.AsNoTracking().Where(u => events.Select(e => e.Id).Contains(u.EventId)).ToListAsync();
        links.Count.ShouldBe(4);
        var linkAudits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(EventUnit) && a.UserId == adminId)
            .Select(a => a.EntityId).ToListAsync();
        links.Select(l => $"{l.EventId}:{l.UnitId}").ShouldAllBe(key => linkAudits.Contains(key));
        var figures = await db.MetricValues.AsNoTracking().Where(v => v.CampaignId == campaign).ToListAsync();
        figures.Count.ShouldBe(5);
        figures.ShouldAllBe(v => v.Version == 1 && v.EventId != null);
        var figureAudits = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(MetricValue) && a.CampaignId == campaign).ToListAsync())
            .ToDictionary(a => a.EntityId, a => JsonDocument.Parse(a.Changes).RootElement);
        figureAudits.Keys.Order().ShouldBe(figures.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)).Order());
        foreach (var figure in figures)
        {
            figureAudits[figure.Id.ToString(CultureInfo.InvariantCulture)].GetProperty("EventId").GetProperty("new").GetInt32().ShouldBe(figure.EventId!.Value);
        }
    }

    [Fact]
    public async Task An_xlsx_file_with_excel_date_and_number_cells_imports_its_events_and_figures()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, breast);
        var unit = await NameAsync(breast);
        Dictionary<string, object?> Row(string title, DateTime start, object? patients, object? stop) => new()
        {
            ["title"] = title, ["kind"] = "screening", ["channel"] = "offline", ["start"] = start, ["end"] = start.AddHours(3),
            ["units"] = unit, ["stop"] = stop, ["status"] = "held", ["highlight"] = "yes",
            ["patients_benefited"] = patients, ["screened"] = 40,
        };

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", File(Xlsx(
        [
            Row("乳腺癌筛查 第一站", new DateTime(2021, 4, 16, 8, 30, 0), 60, 1),
            Row("乳腺癌筛查 第二站", new DateTime(2021, 4, 19, 8, 30, 0), "25", null),
        ]), "events.xlsx"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await JsonAsync(response)).GetProperty("imported").GetInt32().ShouldBe(2);
        var totals = await TotalsAsync(client, campaign);
        totals.GetProperty("events").GetProperty("screening").GetProperty("offline").GetInt32().ShouldBe(2);
        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(85);
        totals.GetProperty("metrics").GetProperty("screened").GetDecimal().ShouldBe(80);
        var narrow = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?from=2021-04-19&to=2021-04-19");
        narrow.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(25);
    }

    [Fact]
    public async Task Errors_in_several_rows_are_all_listed_by_row_and_column_and_nothing_is_saved()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"""
            {Header}
            好的一行,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:00,{breast},,,,held,yes,,10,,
            坏的种类,picnic,offline,,2021-04-16 09:00,2021-04-16 11:00,{breast},,,,held,yes,,10,,

            倒着的时间,lecture,both,,2021-04-16 12:00,2021-04-16 11:00,{breast},,,0,held,maybe,,-5,many,
            ,lecture,online,,16.4.2021,,没有这个专委会,,,,,,,,,
            """;

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        var errors = problem.GetProperty("errors");
        string[] expected =
        [
            "row 3: kind", "row 5: channel", "row 5: end", "row 5: stop", "row 5: highlight", "row 5: patients_benefited",
            "row 5: staff_medical", "row 6: title", "row 6: start", "row 6: end", "row 6: units",
        ];
        foreach (var key in expected)
        {
            errors.TryGetProperty(key, out var messages).ShouldBeTrue($"no error for {key}: {errors}");
            messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        }

        errors.EnumerateObject().Select(e => e.Name).ShouldNotContain(n => n.StartsWith("row 2:"), "the good row has no errors");
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        rows.ShouldContain((4 + 1, "end"));
        rows.ShouldContain((3, "kind"));
        (await EventCountAsync(campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task Messages_are_in_the_callers_language()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"{Header}\n义诊,picnic,offline,,2021-04-16 09:00,2021-04-16 11:00,{breast},,,,,,,,,\n";

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/events/import") { Content = Csv(csv) };
        // The language is the user's choice (the culture cookie), as for every page.
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = await JsonAsync(await client.SendAsync(request));
        var chinese = await JsonAsync(await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv)));

        english.GetProperty("errors").GetProperty("row 2: kind")[0].GetString()!.ShouldContain("Unknown kind");
        chinese.GetProperty("errors").GetProperty("row 2: kind")[0].GetString()!.ShouldNotContain("Unknown kind");
    }

    [Fact]
    public async Task A_coordinator_cannot_import_events_of_a_unit_not_theirs_and_nothing_is_saved()
    {
        var (breast, lung, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, breast);
        var csv = $"""
            {Header}
            自己的义诊,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:00,{breast},,,,held,no,,10,,
            别人的讲座,lecture,offline,,2021-04-16 14:00,2021-04-16 15:00,{await NameAsync(lung)},,,,held,no,,10,,
            联合活动,lecture,offline,,2021-04-17 14:00,2021-04-17 15:00,{lung};{breast},,,,held,no,,10,,
            """;

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.TryGetProperty("row 3: units", out _).ShouldBeTrue(errors.ToString());
        // A joint event with one of their units is theirs to log.
        errors.TryGetProperty("row 4: units", out _).ShouldBeFalse(errors.ToString());
        (await EventCountAsync(campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task Staff_get_403_and_an_unknown_campaign_404()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var csv = $"{Header}\n义诊,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:00,{breast},,,,,,,,,\n";

        (await staff.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EventCountAsync(campaign)).ShouldBe(0);

        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        (await admin.PostAsync("/api/campaigns/999999/events/import", Csv(csv))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/campaigns/999999/events/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/campaigns/{campaign}/events/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, byte[], string> MalformedFiles => new()
    {
        { "empty.csv", [], "file" },
        { "broken.xlsx", "PK\u0003\u0004 this is no workbook"u8.ToArray(), "file" },
        { "renamed.xlsx", "title,kind\nx,y"u8.ToArray(), "file" },
        { "report.pdf", "%PDF-1.4 binary"u8.ToArray(), "file" },
        { "old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "file" },
        { "header-only.csv", Encoding.UTF8.GetBytes(Header + "\n"), "file" },
        { "unclosed.csv", Encoding.UTF8.GetBytes(Header + "\n\"义诊,free_clinic\n"), "file" },
        { "unknown-column.csv", Encoding.UTF8.GetBytes("title,kind,channel,start,end,units,colour\nx,lecture,online,2021-04-16 09:00,2021-04-16 10:00,1,red\n"), "row 1: colour" },
        { "missing-columns.csv", Encoding.UTF8.GetBytes("title,kind\nx,lecture\n"), "row 1: channel" },
        { "no-header.csv", Encoding.UTF8.GetBytes("义诊,free_clinic,offline\n"), "row 1: 义诊" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_a_400_with_a_clear_message_never_a_500(string fileName, byte[] content, string key)
    {
        var (_, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", File(content, fileName));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.TryGetProperty(key, out var messages).ShouldBeTrue(errors.ToString());
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        (await EventCountAsync(campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_400_naming_the_file()
    {
        var (_, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import",
            new MultipartFormDataContent { { new StringContent("x"), "other" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task An_export_imported_into_another_campaign_gives_identical_totals(string format)
    {
        var (breast, lung, source) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        // An amount, not a count: its decimals must survive the round trip too.
        var amount = $"donated_{format}";
        await using (var db = await factory.DbAsync())
        {
            db.MetricDefinitions.Add(new MetricDefinition
            {
                Code = amount, Name = "捐赠金额", NameEn = "Donations", Unit = "万元", UnitEn = "10k yuan", IsCount = false,
            });
            await db.SaveChangesAsync();
        }

        object Event(string title, string kind, string channel, string start, int[] units, Dictionary<string, decimal> figures, string? venue = null) => new
        {
            campaignId = source, unitIds = units, title, kind, channel, start, end = start.Replace("T09", "T17"),
            venue, narrative = "第一段，\n第二段 \"引用\"", highlight = true, status = "held", seriesName = "巡讲", stopNumber = 3,
            platform = channel == "online" ? "wechat" : null, figures,
        };
        foreach (var body in new[]
                 {
                     Event("义诊", "free_clinic", "offline", "2021-04-16T09:00:00", [breast], new() { ["patients_benefited"] = 120, [amount] = 120.5m, ["staff_medical"] = 8 }, "=HYPERLINK(\"x\")"),
                     Event("直播", "broadcast", "online", "2021-04-17T09:00:00", [lung], new() { ["reach_wechat"] = 100000 }),
                     Event("联合讲座", "lecture", "offline", "2021-04-18T09:00:00", [breast, lung], new() { ["public_benefited"] = 300, ["books"] = 50 }, "-2 层报告厅"),
                 })
        {
            (await client.PostAsJsonAsync("/api/events", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var export = await client.GetAsync($"/api/campaigns/{source}/events/export?format={format}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        export.Content.Headers.ContentDisposition!.FileName!.ShouldContain("." + format);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var target = await factory.AddCampaignAsync("另一周期", new(2021, 4, 15), new(2021, 4, 21), breast, lung);
        var import = await client.PostAsync($"/api/campaigns/{target}/events/import", File(bytes, $"export.{format}"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        (await JsonAsync(import)).GetProperty("imported").GetInt32().ShouldBe(3);

        (await TotalsAsync(client, target)).GetRawText().ShouldBe((await TotalsAsync(client, source)).GetRawText());
        (await TotalsAsync(client, target, lung)).GetRawText().ShouldBe((await TotalsAsync(client, source, lung)).GetRawText());

        async Task<List<string>> Describe(int campaign)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/events?campaignId={campaign}");
            var result = new List<string>();
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                var e = await client.GetFromJsonAsync<JsonElement>($"/api/events/{item.GetProperty("id").GetInt32()}");
                result.Add(string.Join("|", new[] { "title", "kind", "channel", "platform", "start", "end", "venue", "seriesName", "stopNumber", "narrative", "status", "highlight", "unitIds", "figures" }
                    .Select(p => e.GetProperty(p).GetRawText())));
            }

            return result;
        }

        (await Describe(target)).ShouldBe(await Describe(source));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_template_has_every_active_metric_code_and_its_example_row_imports(string format)
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, breast);
        await using (var db = await factory.DbAsync())
        {
            db.MetricDefinitions.Add(new MetricDefinition
            {
                Code = $"retired_{Guid.NewGuid():N}"[..20], Name = "旧指标", NameEn = "Retired", Unit = "人", UnitEn = "people", IsActive = false,
            });
            await db.SaveChangesAsync();
        }

        var response = await client.GetAsync($"/api/campaigns/{campaign}/events/import-template?format={format}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        List<string> header;
        if (format == "xlsx")
        {
            using var stream = new MemoryStream(bytes);
            header = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).First()).Values.Select(v => v?.ToString() ?? "").ToList();
        }
        else
        {
            bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, so Excel reads UTF-8");
            header = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0].Split(',').ToList();
        }

        await using (var db = await factory.DbAsync())
        {
            var active = await db.MetricDefinitions.Where(m => m.IsActive).Select(m => m.Code).ToListAsync();
            active.Count.ShouldBeGreaterThan(10);
            header.Skip(19).ShouldBe(active, ignoreOrder: true);
            header.Take(19).ShouldBe(["title", "kind", "channel", "platform", "start", "end", "units", "venue", "series", "stop", "status", "highlight", "narrative", "section", "title_en", "narrative_en", "section_en", "link", "estimated"]);
        }

        // The example row is a valid event for this user, so the template shows the formats that work.
        var import = await client.PostAsync($"/api/campaigns/{campaign}/events/import", File(bytes, $"template.{format}"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_browser_downloads_exports_and_templates_with_its_cookie()
    {
        var (_, _, campaign) = await CampaignAsync();
        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);

        var export = await browser.GetAsync($"/api/campaigns/{campaign}/events/export?format=csv");
        var template = await browser.GetAsync($"/api/campaigns/{campaign}/events/import-template");

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).ShouldStartWith("\uFEFFtitle,kind,channel");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_spreadsheet_endpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/campaigns/{id}/events/import", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/campaigns/{id}/events/export", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/campaigns/{id}/events/import-template", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_section_english_and_link_columns_import_and_export()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"""
            title,kind,channel,start,end,units,status,section,title_en,narrative_en,section_en,link
            乳腺癌义诊,free_clinic,offline,2021-04-16 09:00,2021-04-16 11:30,{breast},held,4.15系列活动,Breast cancer free clinic,"Experts saw patients, free.",4.15 series,https://mp.weixin.qq.com/s/clinic
            """;

        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using (var db = await factory.DbAsync())
        {
            var imported = await db.Events.SingleAsync(e => e.CampaignId == campaign);
            (imported.SectionGroup, imported.TitleEn, imported.NarrativeEn).ShouldBe(("4.15系列活动", "Breast cancer free clinic", "Experts saw patients, free."));
            (imported.SectionGroupEn, imported.Link).ShouldBe(("4.15 series", "https://mp.weixin.qq.com/s/clinic"));
        }

        var export = await client.GetAsync($"/api/campaigns/{campaign}/events/export?format=csv");
        var text = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        lines[0].ShouldContain("narrative,section,title_en,narrative_en,section_en,link,estimated");
        lines[1].ShouldContain("4.15系列活动,Breast cancer free clinic,\"Experts saw patients, free.\",4.15 series,https://mp.weixin.qq.com/s/clinic");
    }

    [Fact]
    public async Task An_import_row_with_a_script_link_gets_the_same_message_as_the_api_with_its_row_and_column()
    {
        var (breast, _, campaign) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"""
            title,kind,channel,start,end,units,status,link
            乳腺癌义诊,free_clinic,offline,2021-04-16 09:00,2021-04-16 11:30,{breast},held,javascript:alert(1)
            """;

        var import = await client.PostAsync($"/api/campaigns/{campaign}/events/import", Csv(csv));
        var api = await client.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign, unitIds = new[] { breast }, title = "乳腺癌义诊", kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:30:00", status = "held", link = "javascript:alert(1)",
        });

        import.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var apiMessage = (await JsonAsync(api)).GetProperty("errors").GetProperty("link")[0].GetString();
        apiMessage.ShouldNotBeNullOrWhiteSpace();
        (await JsonAsync(import)).GetProperty("errors").GetProperty("row 2: link")[0].GetString().ShouldBe(apiMessage);
        (await EventCountAsync(campaign)).ShouldBe(0);
    }
}
