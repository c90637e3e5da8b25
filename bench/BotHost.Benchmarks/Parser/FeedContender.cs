namespace BotHost.Benchmarks.Parser;

/// <summary>One reader in the comparison: reads a whole document held in memory and the same fields of every item.</summary>
public abstract class FeedContender
{
    /// <summary>The name printed in the table.</summary>
    public abstract string Name { get; }

    /// <summary>The prefix of this contender's keys in results JSON ("bothost" gives "bothost_mb_s").</summary>
    public abstract string Key { get; }

    public abstract bool Reads(CorpusFormat format);

    /// <summary>Parses <paramref name="document"/> and returns how many items it read (touching each item's fields).</summary>
    public abstract int Parse(byte[] document, CorpusFormat format);
}
