using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

public sealed class UrlCanonicalizerTests
{
    // One row per rule (rule name, input, expected canonical form).
    public static TheoryData<string, string, string> Vectors { get; } = new()
    {
        { "lower-case scheme and host", "HTTPS://Example.COM/Post", "https://example.com/Post" },
        { "path case is kept", "https://example.com/A/B", "https://example.com/A/B" },
        { "empty path becomes /", "https://example.com", "https://example.com/" },
        { "surrounding whitespace trimmed", "  https://example.com/a \n", "https://example.com/a" },
        { "IDN to punycode", "https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe" },
        { "IDN upper-case", "https://BÜCHER.example/", "https://xn--bcher-kva.example/" },
        { "default https port dropped", "https://example.com:443/a", "https://example.com/a" },
        { "default http port dropped", "http://example.com:80/a", "http://example.com/a" },
        { "non-default port kept", "https://example.com:8443/a", "https://example.com:8443/a" },
        { "port 443 on http kept", "http://example.com:443/a", "http://example.com:443/a" },
        { "leading zeros in port", "https://example.com:08080/", "https://example.com:8080/" },
        { "empty port dropped", "https://example.com:/a", "https://example.com/a" },
        { "host trailing dot dropped", "https://example.com./a", "https://example.com/a" },
        { "dot segments resolved", "https://example.com/a/./b/../c", "https://example.com/a/c" },
        { "dot segments above root", "https://example.com/../../a", "https://example.com/a" },
        { "trailing dot segment keeps slash", "https://example.com/a/b/..", "https://example.com/a/" },
        { "encoded dot segments resolved", "https://example.com/a/%2E%2E/b", "https://example.com/b" },
        { "double slash kept", "https://example.com/a//b", "https://example.com/a//b" },
        { "unreserved escapes decoded", "https://example.com/%7Euser/%61%2D%5F", "https://example.com/~user/a-_" },
        { "reserved escapes upper-cased", "https://example.com/a%2fb?q=%3d%26", "https://example.com/a%2Fb?q=%3D%26" },
        { "utf-8 escapes upper-cased", "https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9" },
        { "raw non-ascii escaped", "https://example.com/café", "https://example.com/caf%C3%A9" },
        { "space escaped", "https://example.com/a b", "https://example.com/a%20b" },
        { "stray percent escaped", "https://example.com/100%/x", "https://example.com/100%25/x" },
        { "fragment dropped", "https://example.com/a#section-2", "https://example.com/a" },
        { "fragment with query-like text dropped", "https://example.com/a#x?utm_source=y", "https://example.com/a" },
        { "utm_* dropped", "https://example.com/a?utm_source=rss&utm_medium=feed&utm_whatever=1", "https://example.com/a" },
        { "tracker names case-insensitive", "https://example.com/a?UTM_Source=x&FBCLID=y", "https://example.com/a" },
        { "click ids dropped", "https://example.com/a?gclid=1&dclid=2&gbraid=3&wbraid=4&msclkid=5&yclid=6&twclid=7", "https://example.com/a" },
        { "newsletter ids dropped", "https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&vero_id=6", "https://example.com/a" },
        { "ref params dropped", "https://example.com/a?ref=hn&ref_src=twsrc&ref_url=x", "https://example.com/a" },
        { "misc trackers dropped", "https://example.com/a?igshid=1&spm=2&oly_anon_id=3&oly_enc_id=4&_openstat=5&wickedid=6", "https://example.com/a" },
        { "other params kept in order", "https://example.com/a?z=1&utm_source=x&a=2&B=3", "https://example.com/a?z=1&a=2&B=3" },
        { "param spelling kept", "https://example.com/a?Page=2&sort=Desc&flag", "https://example.com/a?Page=2&sort=Desc&flag" },
        { "param name containing tracker kept", "https://example.com/a?preference=1&spmx=2", "https://example.com/a?preference=1&spmx=2" },
        { "query without path gets /", "https://example.com?id=1", "https://example.com/?id=1" },
        { "fragment without path gets /", "https://example.com#top", "https://example.com/" },
        { "tracker name as a value kept", "https://example.com/a?from=utm_source&ref2=x", "https://example.com/a?from=utm_source&ref2=x" },
        { "semicolon is not a separator", "https://example.com/a?x=1;utm_source=y", "https://example.com/a?x=1;utm_source=y" },
        { "escaped tracker name dropped", "https://example.com/a?utm%5Fsource=x&id=1", "https://example.com/a?id=1" },
        { "password with @ dropped", "https://user:p@ss@example.com/a", "https://example.com/a" },
        { "empty query dropped", "https://example.com/a?", "https://example.com/a" },
        { "empty pairs dropped", "https://example.com/a?&&id=4&", "https://example.com/a?id=4" },
        { "plus in query kept", "https://example.com/s?q=a+b", "https://example.com/s?q=a+b" },
        { "userinfo dropped", "https://user:pass@example.com/a", "https://example.com/a" },
        { "backslash is a path separator", @"https://evil.example\@good.example/x", "https://evil.example/@good.example/x" },
        { "scheme kept as http", "http://example.com/a", "http://example.com/a" },
        { "www kept", "https://www.example.com/a", "https://www.example.com/a" },
        { "ipv6 lower-cased", "http://[2001:DB8::1]:8080/a", "http://[2001:db8::1]:8080/a" },
        { "ipv4 kept", "http://127.0.0.1/a", "http://127.0.0.1/a" },
        { "google url?q= unwrapped", "https://www.google.com/url?sa=t&q=https%3A%2F%2Fexample.com%2Fa%3Fid%3D1&usg=x", "https://example.com/a?id=1" },
        { "google url?url= unwrapped", "https://www.google.co.uk/url?url=https://example.com/a&rct=j", "https://example.com/a" },
        { "bare google.com unwrapped", "https://google.com/url?q=https://example.com/a", "https://example.com/a" },
        { "facebook l.php unwrapped", "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fa%3Futm_source%3Dfb&h=AT0", "https://example.com/a" },
        { "reddit out unwrapped", "https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.com%2Fa&token=x", "https://example.com/a" },
        { "tumblr redirect unwrapped", "https://t.umblr.com/redirect?z=https%3A%2F%2Fexample.com%2Fa&t=abc", "https://example.com/a" },
        { "href.li unwrapped", "https://href.li/?https://example.com/a?id=2", "https://example.com/a?id=2" },
        { "instagram unwrapped", "https://l.instagram.com/?u=https%3A%2F%2Fexample.com%2Fa&e=x", "https://example.com/a" },
        { "youtube redirect unwrapped", "https://www.youtube.com/redirect?event=video&q=https%3A%2F%2Fexample.com%2Fa", "https://example.com/a" },
        { "nested wrappers unwrapped", "https://www.google.com/url?q=" + Uri.EscapeDataString("https://l.facebook.com/l.php?u=" + Uri.EscapeDataString("https://Example.com/a?utm_source=x")), "https://example.com/a" },
        { "google search page is not a wrapper", "https://www.google.com/search?q=rust", "https://www.google.com/search?q=rust" },
        { "wrapper without target kept", "https://l.facebook.com/l.php?h=abc", "https://l.facebook.com/l.php?h=abc" },
        { "wrapper behind an escaped path unwrapped", "https://www.google.com/%75rl?q=https%3A%2F%2Fexample.com%2Fa", "https://example.com/a" },
        { "wrapper behind an escaped dot unwrapped", "https://l.facebook.com/l%2Ephp?u=https%3A%2F%2Fexample.com%2Fa&h=AT0", "https://example.com/a" },
        { "wrapper behind dot segments unwrapped", "https://l.facebook.com/x/../l.php?u=https%3A%2F%2Fexample.com%2Fa", "https://example.com/a" },
        { "full-width dot ending the host dropped", "https://example.com\uFF0E/a", "https://example.com/a" },
        { "medium publication feed tag on its own domain dropped", "https://netflixtechblog.com/title-slug-7b3e2f1a9c0d?source=rss----2615bd06b42e---4", "https://netflixtechblog.com/title-slug-7b3e2f1a9c0d" },
        { "medium user feed tag on medium.com dropped", "https://medium.com/@jane/post-7b3e2f1a9c0d?source=rss-8a7c1f2e3d4b------2", "https://medium.com/@jane/post-7b3e2f1a9c0d" },
        { "medium tag feed tag on a medium subdomain dropped", "https://jane.medium.com/post-7b3e2f1a9c0d?source=rss------programming-5", "https://jane.medium.com/post-7b3e2f1a9c0d" },
        { "medium publication feed tag on medium.com dropped", "https://medium.com/better-programming/post-7b3e2f1a9c0d?source=rss----d0b105d10f0a---4", "https://medium.com/better-programming/post-7b3e2f1a9c0d" },
        { "medium feed tag name and value in any case dropped", "https://netflixtechblog.com/post-7b3e2f1a9c0d?Source=RSS----2615BD06B42E---4", "https://netflixtechblog.com/post-7b3e2f1a9c0d" },
        { "medium feed tag dropped, friend-link key kept", "https://medium.com/p/7b3e2f1a9c0d?source=rss----2615bd06b42e---4&sk=9f2c01", "https://medium.com/p/7b3e2f1a9c0d?sk=9f2c01" },
        { "medium non-feed source kept", "https://medium.com/p/7b3e2f1a9c0d?source=friends_link&sk=9f2c01", "https://medium.com/p/7b3e2f1a9c0d?source=friends_link&sk=9f2c01" },
        { "source=rss on another site kept", "https://example.com/a?source=rss", "https://example.com/a?source=rss" },
        { "rss-like source on another site kept", "https://shop.example/item?source=rss-feed-2", "https://shop.example/item?source=rss-feed-2" },
        { "medium tag-feed shape on another site kept", "https://example.com/a?source=rss------programming-5", "https://example.com/a?source=rss------programming-5" },
        { "other source values on another site kept", "https://example.com/a?source=twitter&id=3", "https://example.com/a?source=twitter&id=3" },
    };

    public static TheoryData<string, string> Rejections { get; } = new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { "javascript:alert(1)", "'javascript:' is not allowed" },
        { "data:text/html,<b>x</b>", "'data:' is not allowed" },
        { "file:///etc/passwd", "'file:' is not allowed" },
        { "ftp://example.com/a", "'ftp:' is not allowed" },
        { "JavaScript:alert(1)", "'javascript:' is not allowed" },
        { "example.com/post", "has no scheme" },
        { "/relative/path", "has no scheme" },
        { "https:example.com", "has no host" },
        { "https://", "has no host" },
        { "https:///path", "has no host" },
        { "https://user@/path", "has no host" },
        { "https://exa\u0000mple.com/", "control character U+0000" },
        { "https://example.com/a\nb", "control character U+000A" },
        { "https://example.com/a\u0085b", "control character U+0085" },
        { "https://example.com:99999/", "port '99999'" },
        { "https://example.com:8o/", "port '8o'" },
        { "https://exa mple.com/", "contains ' '" },
        { "https://example..com/", "empty label" },
        { "https://example.com../", "empty label" },
        { "https://example.com\uFF0E./", "empty label" },
        { "https://[::1/", "malformed IPv6" },
        { "https://[zz::1]/", "not a valid IPv6" },
        { "https://www.google.com/url?q=javascript%3Aalert(1)", "points to an unusable link" },
        { "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F%0Aa", "control character U+000A" },
        { "https://ex%41mple.com/", "contains '%'" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonicalize_AppliesRule(string rule, string input, string expected)
    {
        var canonical = UrlCanonicalizer.Canonicalize(input);

        Assert.True(expected == canonical, $"rule '{rule}': expected {expected} but got {canonical}");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonicalize_WhenAppliedTwice_IsIdempotent(string rule, string input, string expected)
    {
        var once = UrlCanonicalizer.Canonicalize(input);

        var twice = UrlCanonicalizer.Canonicalize(once);

        Assert.True(once == twice, $"rule '{rule}': {once} became {twice}");
        Assert.Equal(expected, twice);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void TryCanonicalize_WhenInputIsUnusable_ReturnsErrorSayingWhy(string input, string expectedFragment)
    {
        var ok = UrlCanonicalizer.TryCanonicalize(input, out var canonical, out var error);

        Assert.False(ok);
        Assert.Equal(string.Empty, canonical);
        Assert.NotNull(error);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCanonicalize_WhenNull_ReturnsError()
    {
        var ok = UrlCanonicalizer.TryCanonicalize(null, out _, out var error);

        Assert.False(ok);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_WhenSchemeIsNotHttp_ThrowsArgumentExceptionNamingScheme()
    {
        var ex = Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize("ftp://example.com/file"));

        Assert.Contains("'ftp:'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("url", ex.ParamName);
    }

    [Fact]
    public void Canonicalize_WhenLongerThanLimit_RejectsWithLength()
    {
        var url = "https://example.com/" + new string('a', UrlCanonicalizer.MaxLength);

        var ok = UrlCanonicalizer.TryCanonicalize(url, out _, out var error);

        Assert.False(ok);
        Assert.Contains($"{url.Length} characters", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 100), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_WhenExactlyAtLimit_Accepts()
    {
        var prefix = "https://example.com/";
        var url = prefix + new string('a', UrlCanonicalizer.MaxLength - prefix.Length);

        var canonical = UrlCanonicalizer.Canonicalize(url);

        Assert.Equal(url, canonical);
    }

    [Fact]
    public void Canonicalize_WhenWrappersNestDeeperThanLimit_Rejects()
    {
        var url = "https://example.com/a";
        for (var i = 0; i <= UrlCanonicalizer.MaxUnwrapDepth; i++)
        {
            url = "https://www.google.com/url?q=" + Uri.EscapeDataString(url);
        }

        var ok = UrlCanonicalizer.TryCanonicalize(url, out _, out var error);

        Assert.False(ok);
        Assert.Contains("redirect wrappers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_WhenWrappersNestExactlyToLimit_Unwraps()
    {
        var url = "https://example.com/a";
        for (var i = 0; i < UrlCanonicalizer.MaxUnwrapDepth; i++)
        {
            url = "https://www.google.com/url?q=" + Uri.EscapeDataString(url);
        }

        var canonical = UrlCanonicalizer.Canonicalize(url);

        Assert.Equal("https://example.com/a", canonical);
    }

    [Theory]
    [InlineData("https://www.example.com/a?id=1", "example.com/a?id=1")]
    [InlineData("http://example.com/a?id=1", "example.com/a?id=1")]
    [InlineData("http://WWW.Example.com:80/a#x", "example.com/a")]
    [InlineData("https://www2.example.com/a", "www2.example.com/a")]
    [InlineData("https://example.com:8443/a", "example.com:8443/a")]
    [InlineData("https://www.com/a", "www.com/a")]
    public void StoryKey_IgnoresSchemeAndLeadingWww(string url, string expected)
    {
        var key = UrlCanonicalizer.StoryKey(url);

        Assert.Equal(expected, key);
    }

    [Fact]
    public void StoryKey_WhenVariantsOfSamePage_AreEqual()
    {
        string[] variants =
        [
            "https://www.example.com/post/1",
            "http://example.com/post/1?utm_source=rss",
            "https://EXAMPLE.com:443/post/./1#comments",
            "https://l.facebook.com/l.php?u=http%3A%2F%2Fwww.example.com%2Fpost%2F1",
        ];

        var keys = variants.Select(UrlCanonicalizer.StoryKey).Distinct().ToList();

        Assert.Single(keys);
    }

    [Fact]
    public void StoryKey_OfAMediumFeedLinkAndTheSamePostLinkedFromHackerNews_AreEqual()
    {
        var fromMediumFeed = UrlCanonicalizer.StoryKey("https://netflixtechblog.com/title-slug-7b3e2f1a9c0d?source=rss----2615bd06b42e---4");

        var fromHackerNews = UrlCanonicalizer.StoryKey("https://netflixtechblog.com/title-slug-7b3e2f1a9c0d");

        Assert.Equal(fromHackerNews, fromMediumFeed);
    }

    [Fact]
    public void StoryKey_WhenNotHttp_Throws()
    {
        Assert.Throws<ArgumentException>(() => UrlCanonicalizer.StoryKey("mailto:someone@example.com"));
    }

    [Fact]
    public void TryCanonicalize_WhenEncodingMakesItTooLong_RefusesInsteadOfReturningAnUnusableKey()
    {
        var url = "https://example.com/" + new string('é', 700);

        var ok = UrlCanonicalizer.TryCanonicalize(url, out _, out var error);

        Assert.False(ok);
        Assert.Contains("limit is 2048", error, StringComparison.Ordinal);
    }
}
