using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace CampaignHub.Web.Components.Shared;

/// <summary>
/// What every interactive page shares: the signed-in <see cref="Actor"/>, and one way to run a write so that field
/// errors appear next to their fields and refusals and conflicts as alerts (<see cref="PageAlerts"/>). The services
/// decide who may do what; a page only shows what they answered.
/// </summary>
public abstract class AppPageBase : ComponentBase
{
    [CascadingParameter]
    protected Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    protected ActorResolver ActorResolver { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected FieldErrors Errors { get; } = new();

    protected string? AlertMessage { get; set; }

    protected Severity AlertSeverity { get; set; } = Severity.Error;

    protected bool Busy { get; set; }

    protected static bool English => UiLanguage.IsEnglish;

    /// <summary>False for a part that shows its alerts beside its own form (a roster far down a page): no scrolling away.</summary>
    protected virtual bool AlertsAtTop => true;

    /// <summary>The English name in English when there is one; the Chinese name otherwise.</summary>
    protected static string Local(string name, string? nameEn) => UiLanguage.Pick(name, nameEn);

    /// <summary>The user as they are now: writes use their roles and units at save time, not when the page opened.</summary>
    protected virtual async Task<Actor> ActorAsync() => await ActorResolver.ResolveAsync((await AuthState).User);

    protected void ClearMessages()
    {
        Errors.Clear();
        AlertMessage = null;
    }

    /// <summary>
    /// Runs a write for the signed-in user. True when it worked; otherwise the errors are on the page and nothing
    /// was saved. A conflict hands the record as it is now to <paramref name="onConflict"/>.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Actor, Task> action, Action<object?>? onConflict = null)
    {
        ClearMessages();
        Busy = true;
        try
        {
            await action(await ActorAsync());
            return true;
        }
        catch (DomainValidationException ex)
        {
            Errors.Set(ex.Errors);
        }
        catch (ConcurrencyConflictException ex)
        {
            AlertMessage = ex.Message;
            AlertSeverity = Severity.Warning;
            onConflict?.Invoke(ex.Current);
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
        {
            AlertMessage = ex.Message;
            AlertSeverity = Severity.Error;
        }
        finally
        {
            Busy = false;
        }

        // The alerts are at the top; on a phone the save button is far below them.
        if (AlertsAtTop)
        {
            await ScrollToTopAsync();
        }

        return false;
    }

    private async Task ScrollToTopAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("scrollTo", 0, 0);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // No live browser (prerendering, or the user left): nothing to scroll.
        }
    }
}
