namespace BotHost.Core.Collecting;

/// <summary>What one fetch added: counts plus the stories it touched and the items curation dropped.</summary>
public sealed record IngestSummary(
    int ItemsInFeed,
    int NewItems,
    int AlreadySeen,
    int NewStories,
    int JoinedExistingStories,
    IReadOnlyList<DroppedItem> Dropped)
{
    public static IngestSummary Empty { get; } = new(0, 0, 0, 0, 0, []);
}

/// <summary>An item curation left out, with its reason code and explanation.</summary>
public sealed record DroppedItem(string Title, string Reason, string Explanation);
