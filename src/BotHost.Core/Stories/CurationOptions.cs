namespace BotHost.Core.Stories;

/// <summary>Thresholds for <see cref="NoiseCurator"/> and the vocabulary of <see cref="TopicFilter"/>; bound from the "Curation" section.</summary>
public sealed class CurationOptions
{
    public const string Section = "Curation";

    /// <summary>A title shorter than this (characters, trimmed) is too short to stand alone without a summary.</summary>
    public int MinTitleLength { get; set; } = 12;

    /// <summary>A summary shorter than this (characters, trimmed) counts as no summary ("Comments", "Read more").</summary>
    public int MinTextLength { get; set; } = 40;

    /// <summary>The topic vocabulary (see <see cref="TopicVocabulary"/>); a missing file means no topic filtering, with a warning.</summary>
    public string TopicsFile { get; set; } = "config/topics.json";
}
