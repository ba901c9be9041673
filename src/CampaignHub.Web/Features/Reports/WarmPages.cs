using Microsoft.Playwright;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// Chromium pages kept open between renders, one per render slot. A new context and page cost a new renderer
/// process and the report fonts loaded and checked again (measured here: 1.5-3 s a render); a warm page has the
/// fonts in its memory cache and prints in a fraction of that. After the first render the other slots' pages are
/// opened in the background (<see cref="TopUp"/>), so the first burst of requests does not pay for them.
/// </summary>
/// <remarks>
/// A page serves one render at a time and each render replaces the whole document, so nothing of one report can
/// reach the next: scripts never run (no storage, no timers, nothing that survives the document), the route answers
/// only the blank document and the fonts, and no response sets a cookie. A page whose render failed or was cancelled
/// is closed, never reused, and a page is retired after <see cref="MaxRenders"/> renders to bound what Chromium
/// keeps.
/// </remarks>
internal sealed class WarmPages(Func<IBrowser, Task<WarmPage>> open, int capacity)
{
    public const int MaxRenders = 200;

    private readonly Stack<WarmPage> idle = new();

    /// <summary>Pages open, idle or in use.</summary>
    private int alive;

    private int toppingUp;

    /// <summary>An idle page of <paramref name="browser"/>, or a new one; pages of a browser that has gone are dropped.</summary>
    public async Task<WarmPage> TakeAsync(IBrowser browser)
    {
        while (true)
        {
            WarmPage? page;
            lock (idle)
            {
                if (!idle.TryPop(out page))
                {
                    break;
                }
            }

            if (page.Browser == browser && browser.IsConnected && !page.Page.IsClosed)
            {
                return page;
            }

            await CloseAsync(page);
        }

        return await OpenAsync(browser);
    }

    /// <summary>
    /// Opens pages in the background until every render slot has one. A failure only means the pages are opened on
    /// demand, as before: the browser has gone (the next render starts a new one) or is too busy.
    /// </summary>
    public void TopUp(IBrowser browser)
    {
        if (Volatile.Read(ref alive) >= capacity || Interlocked.Exchange(ref toppingUp, 1) == 1)
        {
            return;
        }

        // Not part of the request that triggered it: its timings, log scope and cancellation stay with it.
        using var _ = ExecutionContext.SuppressFlow();
        Task.Run(async () =>
        {
            try
            {
                while (Volatile.Read(ref alive) < capacity && browser.IsConnected)
                {
                    var page = await OpenAsync(browser);
                    lock (idle)
                    {
                        idle.Push(page);
                    }
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or ObjectDisposedException)
            {
                // Opened on demand instead.
            }
            finally
            {
                Volatile.Write(ref toppingUp, 0);
            }
        });
    }

    /// <summary>Keeps a page that printed cleanly for the next render, unless it has served its share or is one too many.</summary>
    public async Task ReturnAsync(WarmPage page)
    {
        if (++page.Renders >= MaxRenders || Volatile.Read(ref alive) > capacity)
        {
            await CloseAsync(page);
            return;
        }

        lock (idle)
        {
            idle.Push(page);
        }
    }

    /// <summary>Forgets every idle page (their browser is being replaced, or the app stops).</summary>
    public async Task ClearAsync()
    {
        List<WarmPage> pages;
        lock (idle)
        {
            pages = [.. idle];
            idle.Clear();
        }

        foreach (var page in pages)
        {
            await CloseAsync(page);
        }
    }

    public async Task CloseAsync(WarmPage page)
    {
        Interlocked.Decrement(ref alive);
        try
        {
            await page.Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is gone, and the context with it.
        }
    }

    private async Task<WarmPage> OpenAsync(IBrowser browser)
    {
        var page = await open(browser);
        Interlocked.Increment(ref alive);
        return page;
    }
}

/// <summary>A context with one page at the renderer's internal origin, owned by one render at a time.</summary>
internal sealed class WarmPage(IBrowser browser, IBrowserContext context, IPage page)
{
    public IBrowser Browser { get; } = browser;

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public int Renders { get; set; }
}
