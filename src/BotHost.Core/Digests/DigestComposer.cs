using BotHost.Core.Sources;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Digests;

/// <summary>
/// Picks and ranks the stories of the next digest: a story mentioned by more (and heavier) sources
/// ranks higher, and its weight halves every <see cref="DigestOptions.HalfLifeHours"/>.
/// </summary>
public sealed class DigestComposer(DigestStore store, SourceCatalog catalog, IOptions<DigestOptions> options, TimeProvider time)
{
    private const int CandidateLimit = 500;

    public async Task<Digest> ComposeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var since = now - TimeSpan.FromHours(settings.WindowHours);
        var weights = catalog.Sources.ToDictionary(s => s.Name, s => s.Weight, StringComparer.Ordinal);
        var candidates = await store.DigestCandidatesAsync(since, CandidateLimit, cancellationToken);
        var ranked = candidates
            .Select(s => s with { Score = Score(s, weights, now, settings.HalfLifeHours) })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.StoryId)
            .Take(settings.MaxStories)
            .ToList();
        return new Digest(now, since, ranked);
    }

    internal static double Score(DigestStory story, IReadOnlyDictionary<string, double> weights, DateTimeOffset now, double halfLifeHours)
    {
        var weight = story.Sources.Sum(name => weights.GetValueOrDefault(name, 1.0));
        var reference = story.PublishedAt is { } published && published < story.FirstSeenAt ? published : story.FirstSeenAt;
        var ageHours = Math.Max(0, (now - reference).TotalHours);
        return Math.Max(weight, 1.0) * Math.Pow(0.5, ageHours / halfLifeHours);
    }
}
