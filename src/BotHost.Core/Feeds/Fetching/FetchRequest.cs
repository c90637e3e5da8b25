namespace BotHost.Core.Feeds.Fetching;

/// <summary>A source location (http(s) URL, file:// URL or plain path) and the validators from the last fetch.</summary>
public sealed record FetchRequest(string Location, string? ETag = null, string? LastModified = null);
