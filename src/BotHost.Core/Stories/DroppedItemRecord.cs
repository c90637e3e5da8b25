namespace BotHost.Core.Stories;

/// <summary>An item curation left out, as stored: which source had it, when, and why it was dropped.</summary>
public sealed record DroppedItemRecord(string SourceName, string Title, string Reason, string Explanation, DateTimeOffset SeenAt);
