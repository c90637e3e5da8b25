namespace BotHost.Testing.Feeds;

/// <summary>One request as <see cref="LoopbackFeedServer"/> received it.</summary>
/// <param name="Path">Path plus query string, e.g. "/feed.xml?page=2".</param>
/// <param name="Headers">Request headers; look-ups ignore case.</param>
public sealed record RecordedFeedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The header's value, or null when the request did not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
