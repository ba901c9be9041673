using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CampaignHub.Testing;
using CampaignHub.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports;

/// <summary>The shared renderer with the real system Chromium: output, isolation from the network, recovery.</summary>
public sealed class PdfRendererTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    /// <summary>A 1×1 PNG, inline.</summary>
    private const string DataPng =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private ChromiumPdfRenderer Renderer => factory.Services.GetRequiredService<ChromiumPdfRenderer>();

    private static string Document(string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body {{ font-family: 'Noto Sans CJK SC', sans-serif; }}</style></head><body>{body}</body></html>";

    [Fact]
    public async Task A_document_becomes_an_a4_pdf_with_its_chinese_text_and_a_footer_with_title_and_page_numbers()
    {
        var pdf = await Renderer.RenderAsync(Document("<h1>乳腺癌义诊安排</h1><p>Breast cancer clinic</p>"), new PdfPageOptions { Title = "山西省抗癌协会" });

        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        (await PdfTools.PageCountAsync(pdf)).ShouldBe(1);
        (await PdfTools.PageSizeAsync(pdf)).ShouldContain("A4");
        var text = await PdfTools.CompactTextAsync(pdf);
        text.ShouldContain("乳腺癌义诊安排");
        text.ShouldContain(PdfTools.Compact("Breast cancer clinic"));
        text.ShouldContain("山西省抗癌协会");
        text.ShouldContain(PdfTools.Compact("1 / 1"));
    }

    [Fact]
    public async Task Nothing_is_fetched_and_no_script_runs_but_inline_data_images_are_printed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var html = Document($$"""
            <link rel="stylesheet" href="{{origin}}/style.css">
            <style>@import url("{{origin}}/import.css"); p { background: url("{{origin}}/background.png"); }</style>
            <p id="text">离线渲染</p>
            <img src="{{origin}}/remote.png"><iframe src="{{origin}}/frame.html"></iframe>
            <img src="{{DataPng}}" width="40" height="40">
            <script src="{{origin}}/script.js"></script>
            <script>document.getElementById('text').textContent = 'SCRIPT RAN'; fetch('{{origin}}/fetch');</script>
            """);

        var pdf = await Renderer.RenderAsync(html, new PdfPageOptions { Title = "offline" });
        await Task.Delay(300);
        await stop.CancelAsync();
        await accepting;

        connections.ShouldBe(0);
        var text = await PdfTools.CompactTextAsync(pdf);
        text.ShouldContain("离线渲染");
        text.ShouldNotContain("SCRIPTRAN");
        (await PdfTools.ImagesAsync(pdf)).ShouldContain(("image", 1, 1));
    }

    [Fact]
    public async Task After_the_browser_is_closed_the_next_render_starts_a_new_one()
    {
        await Renderer.RenderAsync(Document("<p>first</p>"), new PdfPageOptions());
        var first = Renderer.CurrentBrowser!;

        await first.CloseAsync();
        var pdf = await Renderer.RenderAsync(Document("<p>after closing</p>"), new PdfPageOptions());

        (await PdfTools.CompactTextAsync(pdf)).ShouldContain("afterclosing");
        Renderer.CurrentBrowser.ShouldNotBeSameAs(first);
        Renderer.CurrentBrowser!.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task After_the_browser_process_is_killed_the_next_render_starts_a_new_one()
    {
        await Renderer.RenderAsync(Document("<p>first</p>"), new PdfPageOptions());
        var first = Renderer.CurrentBrowser!;
        var pid = await BrowserProcessIdAsync(first);

        // A crash, as the OOM killer would do it; the render right after must not fail.
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var pdf = await Renderer.RenderAsync(Document("<p>after a crash</p>"), new PdfPageOptions());

        (await PdfTools.CompactTextAsync(pdf)).ShouldContain("afteracrash");
        Renderer.CurrentBrowser.ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task Stopping_the_app_closes_its_browser()
    {
        int pid;
        using (var app = new CampaignHubAppFactory())
        {
            var renderer = app.Services.GetRequiredService<IPdfRenderer>();
            await renderer.RenderAsync(Document("<p>one</p>"), new PdfPageOptions());
            pid = await BrowserProcessIdAsync(app.Services.GetRequiredService<ChromiumPdfRenderer>().CurrentBrowser!);
            Process.GetProcessById(pid).HasExited.ShouldBeFalse();
        }

        // Disposed with the app's services: no Chromium left behind after a restart or a test run.
        var exited = false;
        for (var waited = 0; !exited && waited < 10_000; waited += 100)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                exited = process.HasExited;
            }
            catch (ArgumentException)
            {
                exited = true;
            }

            if (!exited)
            {
                await Task.Delay(100);
            }
        }

        exited.ShouldBeTrue();
    }

    [Fact]
    public async Task Several_renders_at_once_share_one_browser()
    {
        await Renderer.RenderAsync(Document("<p>warm</p>"), new PdfPageOptions());
        var browser = Renderer.CurrentBrowser;

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            Renderer.RenderAsync(Document($"<p>document {i}</p>"), new PdfPageOptions())));

        for (var i = 0; i < pdfs.Length; i++)
        {
            (await PdfTools.CompactTextAsync(pdfs[i])).ShouldContain($"document{i + 1}");
        }

        Renderer.CurrentBrowser.ShouldBeSameAs(browser);
    }

    [Fact]
    public async Task A_document_in_the_report_fonts_embeds_named_truetype_subsets_with_a_real_bold_and_no_type_3()
    {
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>" + ReportFonts.FontFaceCss
            + $"body {{ font-family: {ReportFonts.Stack}; }}</style></head><body><h1>山西省抗癌协会活动总结</h1><p>乳腺癌义诊 <b>合计 444 场</b> Lecture ①℃</p></body></html>";

        var pdf = await Renderer.RenderAsync(html, new PdfPageOptions { Title = "宣传周" });

        var fonts = await PdfTools.FontsAsync(pdf);
        fonts.ShouldAllBe(f => f.Type == "CID TrueType");
        fonts.Select(f => f.Name[7..]).Distinct().Order().ShouldBe(["CampaignHubSansSC-Bold", "CampaignHubSansSC-Regular"]);
        var text = await PdfTools.CompactTextAsync(pdf);
        text.ShouldContain("山西省抗癌协会活动总结");
        text.ShouldContain("合计444场");

        // Characters outside the fonts' subset (GB 2312 and the app's texts), such as those of some names, still print:
        // from the system's Noto Sans CJK SC, the next font in the list.
        var rare = await Renderer.RenderAsync(html.Replace("乳腺癌义诊", "王堃 李珺 䶮"), new PdfPageOptions { Title = "宣传周" });
        (await PdfTools.CompactTextAsync(rare)).ShouldContain("王堃李珺䶮");
    }

    [Fact]
    public async Task A_hostile_footer_title_is_printed_as_text_and_the_next_render_on_the_warm_page_shows_nothing_of_the_last()
    {
        const string Title = "协会\" } body { display: none } </style><script>document.title='x'</script> \\";

        var first = await Renderer.RenderAsync(Document("<p>甲文档正文</p>"), new PdfPageOptions { Title = Title });
        var second = await Renderer.RenderAsync(Document("<p>乙文档正文</p>"), new PdfPageOptions { Title = "乙" });

        var text = await PdfTools.CompactTextAsync(first);
        text.ShouldContain("甲文档正文");
        text.ShouldContain(PdfTools.Compact("协会\" } body { display: none } </style><script>document.title='x'</script> \\"));
        var next = await PdfTools.CompactTextAsync(second);
        next.ShouldContain("乙文档正文");
        next.ShouldNotContain("甲文档");
        next.ShouldNotContain("协会");
    }

    /// <summary>The operating system's id of the browser process, as Chromium reports it.</summary>
    private static async Task<int> BrowserProcessIdAsync(Microsoft.Playwright.IBrowser browser)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var info = (await session.SendAsync("SystemInfo.getProcessInfo"))!.Value;
        var pid = info.GetProperty("processInfo").EnumerateArray()
            .Single(p => p.GetProperty("type").GetString() == "browser").GetProperty("id").GetInt32();
        await session.DetachAsync();
        return pid;
    }
}
