using System.Diagnostics;
using Microsoft.Playwright;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// PDFs from the system's headless Chromium through Playwright. One browser is kept warm for the app's lifetime
/// (starting it costs about two seconds, a render well under one); it starts on the first render and is started
/// again when it has crashed or been closed. Each render slot keeps a warm page (<see cref="WarmPages"/>) in its own
/// context: no JavaScript, no network (only <c>data:</c> URLs, and the report fonts answered from memory), and a
/// whole new document each render, so nothing is shared with the render before it.
/// </summary>
public sealed partial class ChromiumPdfRenderer(ChromiumLocator locator, ILogger<ChromiumPdfRenderer> logger)
    : IPdfRenderer, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// Headless on a server as root: no sandbox, no GPU, and nothing that calls outside hosts (they are closed on
    /// these machines, and a report must not leak). /dev/shm is small in containers. The proxy that does not exist
    /// catches Chromium's speculative preconnects to hosts named in a document: they open sockets even though the
    /// route below aborts every request.
    /// </summary>
    internal static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where documents are opened: a name that never resolves (.invalid), answered only by the route below, so
    /// relative URLs in a document (the report fonts) have an origin to resolve against.
    /// </summary>
    internal const string DocumentOrigin = "https://documents.campaignhub.invalid";

    /// <summary>Closing a context or a browser that was killed may never be answered.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim startGate = new(1, 1);

    /// <summary>Renders at once: each holds a page in memory; more would only queue inside Chromium on a small server.</summary>
    private const int RenderSlots = 4;

    private readonly SemaphoreSlim renderSlots = new(RenderSlots, RenderSlots);
    private readonly WarmPages pages = new(OpenPageAsync, RenderSlots);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool disposed;

    /// <summary>The warm browser, for tests that crash it on purpose.</summary>
    internal IBrowser? CurrentBrowser => browser;

    public async Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        var queued = Stopwatch.StartNew();
        await renderSlots.WaitAsync(cancellationToken);
        RenderTimings.Current?.Add("queue", queued.Elapsed);
        try
        {
            var current = await GetBrowserAsync(null, cancellationToken);
            try
            {
                return await RenderOnceAsync(current, html, options, cancellationToken);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // The browser died between renders (or during this one) before its Disconnected event arrived: start
                // a new one and try once more; a second failure is a real error.
                LogRetry(logger, ex.Message);
                try
                {
                    current = await GetBrowserAsync(current, cancellationToken);
                }
                catch (PdfRendererUnavailableException notStarted) when (notStarted.InnerException is PlaywrightException)
                {
                    // Installed, but the new browser died while starting: the same "try again shortly".
                    throw PdfRendererUnavailableException.BrowserKeptCrashing(notStarted);
                }

                try
                {
                    return await RenderOnceAsync(current, html, options, cancellationToken);
                }
                catch (Exception again) when (again is PlaywrightException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    // It died again: the machine is short of memory or something kills it. Not a bug in the request:
                    // the caller gets a 503 to retry, and the next render starts with a fresh browser, not this one.
                    LogGaveUp(logger, again.Message);
                    await DiscardAsync(current);
                    throw PdfRendererUnavailableException.BrowserKeptCrashing(again);
                }
            }
        }
        finally
        {
            renderSlots.Release();
        }
    }

    private async Task<byte[]> RenderOnceAsync(IBrowser current, string html, PdfPageOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Not cancelled half-way: a page opened for nobody would never be closed.
        var warm = await pages.TakeAsync(current);
        var setUp = stopwatch.Elapsed;
        var clean = false;
        try
        {
            // A browser killed mid-render can leave Playwright's calls unanswered: the render's own deadline, not forever.
            await warm.Page.SetContentAsync(PdfPageFooter.AddTo(html, options)).WaitAsync(RenderTimeout, cancellationToken);
            var loaded = stopwatch.Elapsed;
            var pdf = await warm.Page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = options.Landscape,
                PrintBackground = true,
                Margin = new Margin { Top = options.MarginTop, Right = options.MarginRight, Bottom = options.MarginBottom, Left = options.MarginLeft },
            }).WaitAsync(RenderTimeout, cancellationToken);
            var printed = stopwatch.Elapsed;
            clean = true;
            RenderTimings.Current?.Add("page", setUp);
            RenderTimings.Current?.Add("content", loaded - setUp);
            RenderTimings.Current?.Add("print", printed - loaded);
            LogTimings(logger, setUp.TotalMilliseconds, (loaded - setUp).TotalMilliseconds, (printed - loaded).TotalMilliseconds, pdf.Length);
            return pdf;
        }
        finally
        {
            // A failed or cancelled render may still be running in the page: never hand that page to another one.
            await (clean ? pages.ReturnAsync(warm) : pages.CloseAsync(warm));
            if (clean)
            {
                pages.TopUp(current);
            }
        }
    }

    private static readonly string FontWarmUp =
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>{ReportFonts.FontFaceCss} body {{ font-family: {ReportFonts.Stack}; }}</style></head>"
        + "<body><p>中文 Latin 123</p><p><b>中文 Latin 123</b></p></body></html>";

    /// <summary>
    /// A page for renders: its own context (no JavaScript, every request through the route) at the internal origin,
    /// so the fonts a document names by relative path resolve there.
    /// </summary>
    private static async Task<WarmPage> OpenPageAsync(IBrowser current)
    {
        var context = await current.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
        });
        try
        {
            context.SetDefaultTimeout((float)RenderTimeout.TotalMilliseconds);
            await context.RouteAsync("**/*", AnswerAsync);
            var page = await context.NewPageAsync().WaitAsync(RenderTimeout);
            await page.GotoAsync(DocumentOrigin + "/").WaitAsync(RenderTimeout);
            // Both weights loaded and parsed now, so the page's first report finds them in its memory cache.
            await page.SetContentAsync(FontWarmUp).WaitAsync(RenderTimeout);
            return new WarmPage(current, context, page);
        }
        catch
        {
            try
            {
                await context.CloseAsync().WaitAsync(CloseTimeout);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // The browser is gone; the caller sees the first error.
            }

            throw;
        }
    }

    /// <summary>
    /// Every request of a document leaves through here. Inline data: URLs (images) load; the internal origin answers
    /// the blank document and the report fonts from memory; everything else is refused. A title such as
    /// &lt;img src="http://..."&gt; is encoded text anyway; this is the backstop.
    /// </summary>
    private static Task AnswerAsync(IRoute route)
    {
        var url = route.Request.Url;
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return route.ContinueAsync();
        }

        if (url.StartsWith(DocumentOrigin + "/", StringComparison.Ordinal))
        {
            var path = url[DocumentOrigin.Length..];
            if (path == "/")
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = "" });
            }

            if (ReportFonts.Find(path) is { } font)
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ReportFonts.ContentType, BodyBytes = font.Content });
            }
        }

        return route.AbortAsync("blockedbyclient");
    }

    /// <summary>The warm browser; a new one when there is none yet, it disconnected, or it is <paramref name="failed"/>.</summary>
    private async Task<IBrowser> GetBrowserAsync(IBrowser? failed, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = browser;
        if (current is { IsConnected: true } && current != failed)
        {
            return current;
        }

        await startGate.WaitAsync(cancellationToken);
        var restarting = false;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (browser is { IsConnected: true } && browser != failed)
            {
                return browser;
            }

            var path = locator.Find() ?? throw PdfRendererUnavailableException.ChromiumMissing();
            restarting = browser is not null || playwright is not null;
            if (restarting)
            {
                LogRestart(logger);
                // A crashed browser may have taken Playwright's driver with it: start both afresh.
                await StopAsync();
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Flags,
            });
            LogStarted(logger, path, browser.Version);
            return browser;
        }
        catch (PlaywrightException ex)
        {
            await StopAsync();
            // A browser that ran before and now dies while starting again is the same "try again shortly" as a crash
            // during a render (out of memory, killed); one that never started is an installation problem.
            throw new PdfRendererUnavailableException($"Chromium at {locator.Find()} did not start: {ex.Message}", ex, browserCrashed: restarting);
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>Stops <paramref name="failed"/> if it is still the warm browser, so the next render launches a new one.</summary>
    private async Task DiscardAsync(IBrowser failed)
    {
        await startGate.WaitAsync();
        try
        {
            if (browser == failed)
            {
                await StopAsync();
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    private async Task StopAsync()
    {
        var oldBrowser = browser;
        var oldPlaywright = playwright;
        browser = null;
        playwright = null;
        await pages.ClearAsync();
        if (oldBrowser is not null)
        {
            try
            {
                await oldBrowser.CloseAsync().WaitAsync(CloseTimeout);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // Already gone.
            }
        }

        oldPlaywright?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await startGate.WaitAsync();
        try
        {
            disposed = true;
            await StopAsync();
        }
        finally
        {
            startGate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Chromium {Version} at {ChromiumPath} for PDF rendering")]
    private static partial void LogStarted(ILogger logger, string chromiumPath, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser had stopped; starting a new one")]
    private static partial void LogRestart(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PDF rendered: page set-up {PageMs:0.0} ms, content {ContentMs:0.0} ms, print {PrintMs:0.0} ms, {Bytes} bytes")]
    private static partial void LogTimings(ILogger logger, double pageMs, double contentMs, double printMs, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "A PDF render failed again with a new browser ({Reason}); answering 503")]
    private static partial void LogGaveUp(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PDF render failed ({Reason}); retrying with a new browser")]
    private static partial void LogRetry(ILogger logger, string reason);
}
