namespace BotHost.Core.Collecting;

/// <summary>The ids and canonical URLs a source already has, as one feed's ingest sees them (its new items added as it goes).</summary>
public sealed class KnownItems
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _urls = new(StringComparer.Ordinal);

    public bool Contains(string sourceItemId, string? canonicalUrl) =>
        _ids.Contains(sourceItemId) || (canonicalUrl is not null && _urls.Contains(canonicalUrl));

    public void Add(string sourceItemId, string? canonicalUrl)
    {
        _ids.Add(sourceItemId);
        if (canonicalUrl is not null)
        {
            _urls.Add(canonicalUrl);
        }
    }
}
