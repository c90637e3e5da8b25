using BotHost.Core.Sources;

namespace BotHost.Core.Tests.Sources;

public sealed class SourcesFileReaderTests
{
    [Theory]
    [InlineData("""{ "sources": [ { "name": "A", "url": "https://a.example/feed" }, { "name": "A", "url": "https://b.example/feed" } ] }""", "\"name\" A is used by another source")]
    [InlineData("""{ "sources": [ { "name": "A", "url": "https://a.example/feed" }, { "name": "B", "url": "https://a.example/feed" } ] }""", "is listed twice")]
    [InlineData("""{ "sources": [ { "name": "A" } ] }""", "sources[0]: \"url\" is missing")]
    [InlineData("""{ "sources": [ { "name": "A", "url": "ftp://a.example/feed" } ] }""", "unsupported scheme")]
    [InlineData("""{ "sources": [ { "name": "A", "url": "https://a.example/feed", "weight": 0 } ] }""", "\"weight\" must be greater than 0")]
    [InlineData("""{ "sources": [ """, "is not valid JSON")]
    public void Read_InvalidFile_FailsWithAMessageNamingTheEntry(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bothost-sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<SourcesFileException>(() => SourcesFileReader.Read(path, TimeSpan.FromMinutes(15)));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
