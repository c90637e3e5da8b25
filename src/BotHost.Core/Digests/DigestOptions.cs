namespace BotHost.Core.Digests;

/// <summary>Settings of the "Digests" section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    public int MaxStories { get; set; } = 10;

    /// <summary>How far back a digest looks for stories first seen.</summary>
    public int WindowHours { get; set; } = 24;

    /// <summary>Recency half-life used in ranking.</summary>
    public double HalfLifeHours { get; set; } = 12;
}
