using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

internal static class FeedTestFiles
{
    public static readonly Uri Source = new("https://feeds.example.test/path/feed.xml");

    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Feeds", name));

    public static ParsedFeed ParseFile(string name, string? contentType = null, int summaryMaxLength = 280) =>
        new FeedParser(summaryMaxLength).Parse(Read(name), new FeedParseContext(Source, contentType));

    public static ParsedFeed ParseText(string xml, string? contentType = null, Uri? source = null) =>
        new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new FeedParseContext(source ?? Source, contentType));

    /// <summary>An RSS 2.0 document around the given item elements.</summary>
    public static string Rss(string items) =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://site.example.test/</link>{items}</channel></rss>""";
}
