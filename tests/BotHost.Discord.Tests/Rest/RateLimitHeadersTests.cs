using System.Net;
using BotHost.Discord.Rest;

namespace BotHost.Discord.Tests.Rest;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void Parse_WhenAllHeadersPresent_ReadsEveryOne()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset", "1470173023.123");
        response.Headers.Add("X-RateLimit-Reset-After", "1.234");
        response.Headers.Add("X-RateLimit-Bucket", "abcd1234");
        response.Headers.Add("X-RateLimit-Global", "true");
        response.Headers.Add("X-RateLimit-Scope", "shared");
        response.Headers.Add("Retry-After", "2");

        var headers = RateLimitHeaders.Parse(response.Headers);

        Assert.Equal(5, headers.Limit);
        Assert.Equal(0, headers.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1470173023123), headers.Reset);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), headers.ResetAfter);
        Assert.Equal("abcd1234", headers.Bucket);
        Assert.True(headers.Global);
        Assert.True(headers.IsGlobal);
        Assert.True(headers.IsSharedScope);
        Assert.Equal(TimeSpan.FromSeconds(2), headers.RetryAfter);
    }

    [Fact]
    public void Parse_WhenHeadersMissingOrMalformed_LeavesThemNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Remaining", "many");

        var headers = RateLimitHeaders.Parse(response.Headers);

        Assert.Null(headers.Remaining);
        Assert.Null(headers.ResetAfter);
        Assert.Null(headers.Bucket);
        Assert.False(headers.IsGlobal);
        Assert.False(headers.IsSharedScope);
    }

    [Fact]
    public void IsGlobal_WhenOnlyScopeSaysGlobal_IsTrue()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Scope", "global");

        var headers = RateLimitHeaders.Parse(response.Headers);

        Assert.True(headers.IsGlobal);
    }
}
