using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class XmlTextRepairReaderTests
{
    [Theory]
    [InlineData("Caf&eacute; &amp; bar", "Caf&#233; &amp; bar")]
    [InlineData("&lt;b&gt; &quot;q&quot; &apos;", "&lt;b&gt; &quot;q&quot; &apos;")]
    [InlineData("&#233; &#x41; &nbsp;", "&#233; &#x41; &#160;")]
    [InlineData("&bogus; & alone &; &#; &#xZZ; &#0;", "&amp;bogus; &amp; alone &amp;; &amp;#; &amp;#xZZ; &amp;#0;")]
    [InlineData("Q&A <b>a < b</b> 3 <= 4 <", "Q&amp;A <b>a &lt; b</b> 3 &lt;= 4 &lt;")]
    [InlineData("<![CDATA[Q&A &nbsp; a < b]]> & <!-- x & y < z --> &", "<![CDATA[Q&A &nbsp; a < b]]> &amp; <!-- x & y < z --> &amp;")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss><a:b/></c>", "<?xml version=\"1.0\"?><!DOCTYPE rss><a:b/></c>")]
    [InlineData("bell\u0007 vt\u000B tab\t nl\n", "bell  vt  tab\t nl\n")]
    public void Read_RepairsOnlyWhatXmlCannotRead(string input, string expected)
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

    [Fact]
    public void Read_WhenCalledOneCharacterAtATime_GivesTheSameTextAsOneRead()
    {
        const string input = "a & b &eacute; <![CDATA[ & ]]> c < d &nbsp;";
        using var whole = new XmlTextRepairReader(new StringReader(input));
        using var single = new XmlTextRepairReader(new StringReader(input));
        var characters = new System.Text.StringBuilder();

        for (var c = single.Read(); c >= 0; c = single.Read())
        {
            characters.Append((char)c);
        }

        Assert.Equal(whole.ReadToEnd(), characters.ToString());
    }

    [Fact]
    public void Repairs_CountEachKindOfRepair()
    {
        using var reader = new XmlTextRepairReader(new StringReader("Q&A &nbsp;&eacute; &bogus; a < b \u0001"));

        reader.ReadToEnd();

        Assert.Equal(1, reader.Repairs.BareAmpersands);
        Assert.Equal(2, reader.Repairs.HtmlEntities);
        Assert.Equal(1, reader.Repairs.UnknownEntities);
        Assert.Equal(1, reader.Repairs.BareLessThan);
        Assert.Equal(1, reader.Repairs.ControlCharacters);
    }
}
