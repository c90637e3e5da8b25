namespace BotHost.Core.Digests;

/// <summary>Settings of the "Digests" section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Stories in the offline run's local digest (a subscription's own size wins elsewhere).</summary>
    public int MaxStories { get; set; } = 10;

    /// <summary>How far back a subscription's first digest looks for stories first seen (later ones look back to the previous digest).</summary>
    public int WindowHours { get; set; } = 24;

    /// <summary>Recency half-life used in ranking.</summary>
    public double HalfLifeHours { get; set; } = 12;

    /// <summary>At most this many stories from one source in one digest (curator picks are not counted).</summary>
    public int MaxPerSource { get; set; } = 4;

    /// <summary>Post a short "nothing new" line when a digest has no stories (default: post nothing).</summary>
    public bool PostWhenEmpty { get; set; }

    /// <summary>A digest missed while BotHost was down goes out on return if its time is at most this long ago; older ones are skipped and logged.</summary>
    public double MisfireGraceHours { get; set; } = 6;

    /// <summary>An instant-mode subscription's new stories go out this long after the collection that found them, batched.</summary>
    public int InstantDelaySeconds { get; set; } = 30;
}
