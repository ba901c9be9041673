using CampaignHub.Web.Components.Account;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CampaignHub.UnitTests.Components.Account;

public sealed class SignInThrottleTests
{
    [Fact]
    public void An_account_named_in_ten_failed_sign_ins_is_refused_from_any_address_with_retry_after()
    {
        using var throttle = new SignInThrottle(Options.Create(new RateLimitOptions()));
        for (var i = 0; i < 10; i++)
        {
            throttle.TryBegin(From("203.0.113." + i), "victim@example.org").ShouldBeNull();
            throttle.Failed("victim@example.org");
        }

        var context = From("198.51.100.1");
        var refusal = throttle.TryBegin(context, " VICTIM@example.org ");

        refusal.ShouldNotBeNull();
        context.Response.StatusCode.ShouldBe(StatusCodes.Status429TooManyRequests);
        int.Parse(context.Response.Headers.RetryAfter.ToString()).ShouldBeGreaterThan(0);
        throttle.TryBegin(From("198.51.100.1"), "someone-else@example.org").ShouldBeNull();
    }

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        return context;
    }
}
