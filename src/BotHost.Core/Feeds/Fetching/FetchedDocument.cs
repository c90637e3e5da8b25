namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// A fetched document to read as a stream (<see cref="FeedFetcher.OpenAsync"/>): a local file is opened, not loaded,
/// so a very large saved feed is parsed without ever being held whole; a web response is its capped body in memory.
/// </summary>
public sealed class FetchedDocument(FetchResult result, Stream? content) : IDisposable
{
    /// <summary>The fetch's outcome; <see cref="FetchResult.Body"/> is null here, the bytes are in <see cref="Content"/>.</summary>
    public FetchResult Result { get; } = result;

    /// <summary>The document, seekable, positioned at its start; null unless <see cref="FetchStatus.Ok"/>.</summary>
    public Stream? Content { get; } = content;

    public void Dispose() => Content?.Dispose();
}
