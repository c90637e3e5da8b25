using BotHost.Core.Feeds.Fetching;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class UrlSecretRedactorTests
{
    [Theory]
    [InlineData("https://bob:hunter2@feeds.example.com/rss", "https://***@feeds.example.com/rss")]
    [InlineData("Could not fetch https://x.example/feed?api_key=abc123&page=2: refused", "Could not fetch https://x.example/feed?api_key=***&page=2: refused")]
    [InlineData("https://x.example/feed?page=2&access_token=zzz#top", "https://x.example/feed?page=2&access_token=***#top")]
    [InlineData("https://news.ycombinator.com/item?id=123", "https://news.ycombinator.com/item?id=123")]
    public void Redact_HidesCredentialsAndKeepsTheRest(string text, string expected)
    {
        var redacted = UrlSecretRedactor.Redact(text);

        Assert.Equal(expected, redacted);
    }
}
