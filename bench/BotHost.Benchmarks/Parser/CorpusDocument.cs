namespace BotHost.Benchmarks.Parser;

/// <summary>A generated feed on disk.</summary>
public sealed record CorpusDocument(string Path, CorpusFormat Format, string Size, int Items)
{
    public string Name => $"{Format} {Size} ({Items:N0})";

    public static CorpusDocument Create(string directory, CorpusFormat format, string size, int items, int seed)
    {
        var path = System.IO.Path.Combine(directory, $"{format}-{items}-{seed}.{FeedCorpus.Extension(format)}".ToLowerInvariant());
        FeedCorpus.WriteIfMissing(path, format, items, seed);
        return new CorpusDocument(path, format, size, items);
    }
}
