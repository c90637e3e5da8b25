using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("plain   text\n with\tspaces ", "plain text with spaces")]
    [InlineData("<p>One</p><p>Two</p>", "One Two")]
    [InlineData("a<br>b", "a b")]
    [InlineData("<p>Keep <b>this</b></p><script>drop()</script><style>p{}</style>", "Keep this")]
    [InlineData("Fish &amp; chips &eacute;", "Fish & chips é")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt;", "bold")]
    [InlineData("AT&T < 5", "AT&T < 5")]
    [InlineData("<svg/>before<svg><text>drawn</text></svg> after", "before after")]
    [InlineData("<title>T</title><textarea>a &lt; c</textarea>", "Ta < c")]
    [InlineData("x<!-- hidden -->y<br/>z", "xy z")]
    [InlineData("<a title=\"x > y\" href='/q?a=1&b=\"2\"'>link</a> text", "link text")]
    [InlineData("<p>Fish &amp; chips&nbsp;&raquo; &#8217;s &#x41;&bogus; &</p>", "Fish & chips » ’s A&bogus; &")]
    [InlineData("<img src=\"unterminated", "")]
    [InlineData(null, "")]
    public void ToPlainText_StripsTagsDecodesEntitiesAndCollapsesWhitespace(string? html, string expected)
    {
        var text = HtmlText.ToPlainText(html);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Truncate_WhenShortEnough_ReturnsTextUnchanged()
    {
        var text = HtmlText.Truncate("short text", 10);

        Assert.Equal("short text", text);
    }

    [Fact]
    public void Truncate_WhenTooLong_CutsAtLastSpaceAndAddsEllipsis()
    {
        var text = HtmlText.Truncate("alpha beta gamma delta", 15);

        Assert.Equal("alpha beta…", text);
    }

    [Fact]
    public void Truncate_WhenOneLongWord_CutsHardWithinLimit()
    {
        var text = HtmlText.Truncate(new string('x', 30), 10);

        Assert.Equal(new string('x', 9) + "…", text);
    }

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        var text = HtmlText.Truncate(new string('a', 8) + "😀😀😀", 10);

        Assert.Equal(new string('a', 8) + "…", text);
    }

    [Fact]
    public void Summarize_WhenBodyIsHuge_EqualsSummaryOfTheFullText()
    {
        var html = string.Concat(Enumerable.Range(0, 5000).Select(i => $"<p>Paragraph {i} says something.</p>"));

        var summary = HtmlText.Summarize(html, 100);

        Assert.Equal(HtmlText.Truncate(HtmlText.ToPlainText(html), 100), summary);
    }

    [Fact]
    public void Summarize_WhenMarkupFillsTheStart_StillFindsTheText()
    {
        var html = "<style>" + new string('x', 50_000) + "</style><p>The actual words of the post.</p>";

        var summary = HtmlText.Summarize(html, 100);

        Assert.Equal("The actual words of the post.", summary);
    }
}
