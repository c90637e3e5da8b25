using System.Text;
using BotHost.Core.Picks;
using BotHost.Testing.Fuzzing;

namespace BotHost.Core.Tests.Picks;

public sealed class PageMetadataReaderTests
{
    private static readonly Uri PageUrl = new("https://example.org/posts/why-queues");

    [Fact]
    public void Read_PrefersOpenGraph_ThenTwitter_ThenTitleTag()
    {
        var og = Read("<title>T</title><meta name=\"twitter:title\" content=\"Tw\"><meta property=\"og:title\" content=\"OG\">");
        var twitter = Read("<title>T</title><meta name=\"twitter:title\" content=\"Tw\">");
        var title = Read("<title>  The   title </title>");

        Assert.Equal(("OG", "Tw", "The title"), (og.Title, twitter.Title, title.Title));
    }

    [Fact]
    public void Read_WithoutAnyTitle_OrForANonHtmlBody_NamesThePageAfterItsUrl()
    {
        Assert.Equal("example.org: why-queues", Read("<p>no head</p>").Title);
        Assert.Equal("example.org: why-queues", PageMetadataReader.Read("%PDF-1.7"u8, "application/pdf", PageUrl).Title);
    }

    [Fact]
    public void Read_HonoursTheDeclaredCharsetAndCutsLongText()
    {
        var latin1 = Encoding.Latin1.GetBytes("<title>Caf\u00e9 cr\u00e8me</title><meta name=\"description\" content=\"" + new string('x', 50) + " " + new string('y', 400) + "\">");

        var read = PageMetadataReader.Read(latin1, "text/html; charset=ISO-8859-1", PageUrl);

        Assert.Equal("Caf\u00e9 cr\u00e8me", read.Title);
        Assert.True(read.Description.Length <= PageMetadataReader.MaxDescriptionLength);
        Assert.EndsWith("…", read.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MutatedPages_AlwaysFinishQuicklyWithATitle()
    {
        const int seed = 20261125;
        var random = new Random(seed);
        var sample = Encoding.UTF8.GetBytes(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Fallback</title><meta property=\"og:title\" content=\"How we cut latency\">" +
            "<meta name=\"description\" content=\"Queues &amp; caches\"><script>var x = '<title>';</script></head><body><p>text</p></body></html>");
        for (var round = 0; round < 300; round++)
        {
            var mutant = Mutate(sample, random);
            var started = TimeProvider.System.GetTimestamp();

            var read = PageMetadataReader.Read(mutant, round % 3 == 0 ? null : "text/html", PageUrl);

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            Assert.True(elapsed < TimeSpan.FromSeconds(2), $"seed {seed}, round {round}: took {elapsed}");
            Assert.False(string.IsNullOrWhiteSpace(read.Title), $"seed {seed}, round {round}: empty title");
            Assert.True(read.Title.Length <= PageMetadataReader.MaxTitleLength, $"seed {seed}, round {round}: title too long");
        }
    }

    private static PageMetadata Read(string head) => PageMetadataReader.Read(Encoding.UTF8.GetBytes($"<html><head>{head}</head></html>"), "text/html", PageUrl);

    private static byte[] Mutate(byte[] sample, Random random) =>
        ByteMutator.Mutate(sample, random, "<>\"'=&/;", r => [.. Enumerable.Repeat((byte)'<', r.Next(1, 2000))]);
}
