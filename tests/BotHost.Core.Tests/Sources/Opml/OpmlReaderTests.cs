using System.Text;
using BotHost.Core.Sources.Opml;
using BotHost.Testing.Fuzzing;

namespace BotHost.Core.Tests.Sources.Opml;

public sealed class OpmlReaderTests
{
    [Fact]
    public void Read_AFeedReadersExport_GivesEveryFeedWithItsFolders()
    {
        var document = Read(OpmlSamples.FeedReaderExport);

        Assert.Empty(document.Problems);
        Assert.Equal(
            [
                ("Martin Fowler", "https://martinfowler.com/feed.atom", "Backend"),
                ("The Cloudflare Blog", "https://blog.cloudflare.com/rss/", "Backend"),
                ("Hacker News", "https://news.ycombinator.com/rss", "Reading"),
                ("The Cloudflare Blog", "https://blog.cloudflare.com/rss/", "DevOps"),
                ("Lobsters", "https://lobste.rs/rss", ""),
            ],
            document.Feeds.Select(f => (f.Name, f.XmlUrl, string.Join('/', f.Categories))));
        Assert.Equal("https://martinfowler.com", document.Feeds[0].HtmlUrl);
    }

    [Fact]
    public void Read_CategoryAttributesAndBotHostAttributes_AreKept()
    {
        var document = Read($"""
            <opml version="2.0" xmlns:b="{OpmlReader.BotHostNamespace}"><body>
              <outline text="A" xmlUrl="https://a.example/rss" category="/Tags/backend,ai" b:weight="1.5" b:intervalMinutes="30"/>
            </body></opml>
            """);

        var feed = Assert.Single(document.Feeds);
        Assert.Equal(["backend", "ai"], feed.Categories);
        Assert.Equal((1.5, 30), (feed.Weight, feed.IntervalMinutes));
    }

    [Theory]
    [InlineData("""<outline text="Mail" xmlUrl="mailto:someone@example.org"/>""", "line 2: outline \"Mail\": xmlUrl \"mailto:someone@example.org\" must be an absolute http:// or https:// URL")]
    [InlineData("""<outline text="Local" xmlUrl="/etc/passwd"/>""", "line 2: outline \"Local\": xmlUrl \"/etc/passwd\" must be an absolute http:// or https:// URL")]
    [InlineData("""<outline text="Heavy" xmlUrl="https://a.example/rss" xmlns:b="https://github.com/bothost/bothost/opml" b:weight="-1"/>""", "bothost:weight=\"-1\" must be a number greater than 0 and at most 100")]
    [InlineData("""<outline text="Slow" xmlUrl="https://a.example/rss" xmlns:b="https://github.com/bothost/bothost/opml" b:intervalMinutes="1.5"/>""", "bothost:intervalMinutes=\"1.5\" must be whole minutes between 1 and 1440")]
    public void Read_AnInvalidFeedOutline_IsAProblemNamingItsLineAndWhatToFix_AndTheOthersStillRead(string outline, string problem)
    {
        var document = Read($"<opml version=\"2.0\"><body>\n{outline}\n<outline text=\"Good\" xmlUrl=\"https://good.example/rss\"/></body></opml>");

        Assert.Contains(problem, Assert.Single(document.Problems), StringComparison.Ordinal);
        Assert.Equal("Good", Assert.Single(document.Feeds).Name);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>""", "carries a DTD")]
    [InlineData("""<rss version="2.0"><channel/></rss>""", "root element must be <opml>")]
    [InlineData("""<opml version="2.0"><head/></opml>""", "has no <body>")]
    [InlineData("""<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/rss">""", "not well-formed XML")]
    public void Read_WhatIsNotUsableOpml_ThrowsWithWhatToFix(string xml, string message)
    {
        var error = Assert.Throws<OpmlFormatException>(() => Read(xml));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BeyondTheSizeCapOrTheNestingCap_Refuses()
    {
        var deep = "<opml><body>" + string.Concat(Enumerable.Repeat("<outline text=\"f\">", OpmlReader.MaxDepth + 1)) + string.Concat(Enumerable.Repeat("</outline>", OpmlReader.MaxDepth + 1)) + "</body></opml>";
        var big = "<opml><body>" + string.Concat(Enumerable.Repeat("<outline text=\"a\" xmlUrl=\"https://a.example/rss\"/>", 200)) + "</body></opml>";

        Assert.Contains("deeper than 32 levels", Assert.Throws<OpmlFormatException>(() => Read(deep)).Message, StringComparison.Ordinal);
        Assert.Throws<OpmlFormatException>(() => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(big)), maxBytes: 4096));
    }

    [Fact]
    public void ReadFile_LargerThanTheCap_RefusesBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bothost-{Guid.NewGuid():N}.opml");
        File.WriteAllText(path, "<opml><body>" + new string(' ', 2048) + "</body></opml>");
        try
        {
            var error = Assert.Throws<OpmlFormatException>(() => OpmlReader.ReadFile(path, maxBytes: 1024));

            Assert.Contains("more than the 1024 allowed", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MutatedExports_OnlyEverThrowTheDocumentedError_AndFinishWithinTheBound()
    {
        const int seed = 20261205;
        var random = new Random(seed);
        var sample = Encoding.UTF8.GetBytes(OpmlSamples.FeedReaderExport);
        var bound = TimeSpan.FromSeconds(2);
        var (read, refused) = (0, 0);
        for (var round = 0; round < 3000; round++)
        {
            var mutant = Mutate(sample, random);
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                var document = OpmlReader.Read(new MemoryStream(mutant));
                Assert.All(document.Feeds, f => Assert.StartsWith("http", f.XmlUrl, StringComparison.Ordinal));
                read++;
            }
            catch (OpmlFormatException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, round {round}: {ex.GetType().Name}: {ex.Message}\n{Encoding.UTF8.GetString(mutant)}");
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            Assert.True(elapsed < bound, $"seed {seed}, round {round}: took {elapsed}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: {read} mutants read, {refused} refused");
        Assert.True(read > 0 && refused > 0, $"seed {seed}: {read} read, {refused} refused; the mutations no longer reach both paths");
    }

    private static OpmlDocument Read(string xml) => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static byte[] Mutate(byte[] sample, Random random) => ByteMutator.Mutate(
        sample,
        random,
        "<>\"'=&/;:",
        r => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<outline text=\"x\">", r.Next(1, 3000)))),
        _ => "<!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"u8.ToArray(),
        r => Encoding.UTF8.GetBytes(r.Next(4) switch
        {
            0 => " xmlUrl=\"javascript:alert(1)\"",
            1 => " xmlUrl=\"https://x.example/" + new string('a', r.Next(1, 3000)) + "\"",
            2 => $" xmlns:b=\"{OpmlReader.BotHostNamespace}\" b:weight=\"NaN\"",
            _ => " category=\"/a/b,,/,c/\"",
        }));
}
