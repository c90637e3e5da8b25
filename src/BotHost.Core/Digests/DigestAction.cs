namespace BotHost.Core.Digests;

public enum DigestActionKind
{
    Upvote,
    Downvote,
    MuteSource,
}

/// <summary>A feedback action on one story of one subscription's digest; the chat side turns it into a button.</summary>
public sealed record DigestAction(DigestActionKind Kind, long SubscriptionId, long StoryId, string Label);
