using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class XmlTextRepairReaderTests
{
    [Theory]
    [InlineData("Caf&eacute; &amp; bar", "Caf&#233; &amp; bar")]
    [InlineData("&lt;b&gt; &quot;q&quot; &apos;", "&lt;b&gt; &quot;q&quot; &apos;")]
    [InlineData("&#233; &#x41; &nbsp;", "&#233; &#x41; &#160;")]
    [InlineData("&bogus; & alone &;", "&bogus; & alone &;")]
    [InlineData("bell\u0007 vt\u000B tab\t nl\n", "bell  vt  tab\t nl\n")]
    public void Read_RewritesHtmlEntitiesAndControlCharactersOnly(string input, string expected)
    {
        using var reader = new XmlTextRepairReader(new StringReader(input));

        var output = reader.ReadToEnd();

        Assert.Equal(expected, output);
    }

    [Fact]
    public void Read_WhenEntitySpansBufferBoundaries_RewritesEveryOne()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Append(i % 7 == 0 ? "&eacute;" : "x");
        }

        using var reader = new XmlTextRepairReader(new StringReader(builder.ToString()));

        var output = reader.ReadToEnd();

        Assert.Equal(builder.ToString().Replace("&eacute;", "&#233;", StringComparison.Ordinal), output);
    }

    [Fact]
    public void PeekAndRead_ReturnTheSameCharacterThenAdvance()
    {
        using var reader = new XmlTextRepairReader(new StringReader("&nbsp;"));

        var peeked = reader.Peek();
        var read = reader.Read();

        Assert.Equal('&', peeked);
        Assert.Equal('&', read);
        Assert.Equal("#160;", reader.ReadToEnd());
        Assert.Equal(-1, reader.Peek());
    }
}
