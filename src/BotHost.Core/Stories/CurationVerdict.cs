namespace BotHost.Core.Stories;

/// <summary>Whether an item is kept; when dropped, a short machine reason ("heading", "affiliate", "too-short"…) and a human explanation.</summary>
public sealed record CurationVerdict(bool Keep, string? Reason, string? Explanation)
{
    public static CurationVerdict Kept { get; } = new(true, null, null);

    public static CurationVerdict Drop(string reason, string explanation) => new(false, reason, explanation);
}
