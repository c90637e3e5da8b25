using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>The shortcut must never claim a URL that <see cref="Uri.AbsoluteUri"/> would write differently.</summary>
public sealed class CanonicalHttpUrlTests
{
    private const int Seed = 4242;

    [Theory]
    [InlineData("https://dev.to/ayesha/shipping-12000-lines-4k2p")]
    [InlineData("https://netflixtechblog.com/scaling-3f1c2a5d9e8b?source=rss----2615bd06b42e---4")]
    [InlineData("https://devblogs.microsoft.com/dotnet/?p=57012")]
    [InlineData("https://news.example.net/2026/11/title-slug?utm_source=rss&utm_medium=feed#comments")]
    [InlineData("http://www.scripting.com/robots.html")]
    public void IsCanonical_WhenFeedLinkIsAlreadyAbsoluteUriForm_IsTrueAndUriAgrees(string url)
    {
        Assert.True(CanonicalHttpUrl.IsCanonical(url));
        Assert.Equal(new Uri(url).AbsoluteUri, url);
    }

    [Theory]
    [InlineData("https://Example.com/a")]
    [InlineData("https://example.com")]
    [InlineData("https://example.com:443/a")]
    [InlineData("https://example.com:8080/a")]
    [InlineData("https://user:pw@example.com/a")]
    [InlineData("https://127.0.0.1/a")]
    [InlineData("https://01.2.3.4/a")]
    [InlineData("https://[::1]/a")]
    [InlineData("https://xn--bcher-kva.example/a")]
    [InlineData("https://bücher.example/a")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/%7euser")]
    [InlineData("https://example.com/a/./b")]
    [InlineData("https://example.com/a/../b")]
    [InlineData("https://example.com/a/..")]
    [InlineData("https://example.com/a\\b")]
    [InlineData("https://example.com/a|b")]
    [InlineData("https://example.com/a{b}")]
    [InlineData("https://example.com/a\"b")]
    [InlineData("https://example.com/a#b#c")]
    [InlineData("HTTPS://example.com/a")]
    [InlineData("https://example.com./a")]
    [InlineData("ftp://example.com/a")]
    public void IsCanonical_WhenUriMightRewriteIt_IsFalse(string url)
    {
        Assert.False(CanonicalHttpUrl.IsCanonical(url));
    }

    [Fact]
    public void IsCanonical_OnRandomUrlsFromAwkwardPieces_NeverDisagreesWithUri()
    {
        string[] hosts = ["example.com", "EXAMPLE.com", "a-b.example.org", "x.y.z", "1.2.3.4", "ex--ample.com", "a.b-", "sub.example.co.uk", "xn--e.com", "e.xn--p1ai"];
        string[] ordinary = ["/", "a", "B", "z9", "0", ".", "-", "_", "~", "?", "&", "=", "+", ":", "@", "!", "$", "'", "(", ")", "*", ",", ";", "/."];
        string[] awkward = ["..", "%", "%41", "%7e", "#", " ", "\\", "|", "^", "`", "{", "}", "[", "]", "\"", "<", ">", "é", "\t"];
        var random = new Random(Seed);
        var claimed = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var url = new StringBuilder(random.Next(2) == 0 ? "https://" : "http://").Append(hosts[random.Next(hosts.Length)]).Append(random.Next(8) == 0 ? "" : "/");
            var length = random.Next(0, 12);
            for (var p = 0; p < length; p++)
            {
                url.Append(random.Next(10) == 0 ? awkward[random.Next(awkward.Length)] : ordinary[random.Next(ordinary.Length)]);
            }

            var text = url.ToString();
            if (CanonicalHttpUrl.IsCanonical(text))
            {
                claimed++;
                Assert.True(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.AbsoluteUri == text, $"seed {Seed}: claimed {text}, Uri writes {uri?.AbsoluteUri}");
            }
        }

        Assert.True(claimed > 1000, $"seed {Seed}: only {claimed} URLs were claimed; the shortcut no longer applies to ordinary links");
    }
}
