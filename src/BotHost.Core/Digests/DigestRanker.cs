using BotHost.Core.Stories;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Digests;

/// <summary>
/// Scores kept candidates by <see cref="ScoreParts"/> and takes the best <c>size</c>, at most
/// Digests:MaxPerSource from one source (curator picks are not capped), ties broken by story id.
/// </summary>
public sealed class DigestRanker(IOptions<DigestOptions> options)
{
    private const double FeedbackPerVote = 0.25;
    private const double FeedbackCap = 1.5;

    public IReadOnlyList<RankedStory> Rank(IReadOnlyList<(StoryForDigest Story, FilterVerdict Verdict)> candidates, RankingInputs inputs, int size)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(inputs);
        var settings = options.Value;
        var scored = candidates
            .Select(c => (c.Story, c.Verdict, Score: c.Verdict.Kept ? Score(c.Story, inputs, settings.HalfLifeHours) : null))
            .OrderByDescending(c => c.Score?.Total ?? double.MinValue)
            .ThenBy(c => c.Story.Id)
            .ToList();

        var perSource = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<RankedStory>(scored.Count);
        var rank = 0;
        foreach (var (story, verdict, score) in scored)
        {
            if (score is null)
            {
                result.Add(new RankedStory(story, verdict, null, null, verdict.Explanation));
                continue;
            }

            var source = story.Sources.FirstOrDefault() ?? "";
            var fromSource = perSource.GetValueOrDefault(source);
            if (rank >= size)
            {
                result.Add(new RankedStory(story, verdict, score, null, $"{size} stories ranked higher (the digest holds {size})."));
            }
            else if (!score.Picked && fromSource >= settings.MaxPerSource)
            {
                result.Add(new RankedStory(story, verdict, score, null, $"{settings.MaxPerSource} stories from {source} ranked higher (Digests:MaxPerSource keeps a digest varied)."));
            }
            else
            {
                perSource[source] = fromSource + 1;
                result.Add(new RankedStory(story, verdict, score, ++rank, null));
            }
        }

        return result;
    }

    public static ScoreParts Score(StoryForDigest story, RankingInputs inputs, double halfLifeHours)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(inputs);
        var sources = story.Sources;
        var weights = sources.Select(s => inputs.SourceWeights.GetValueOrDefault(s, 1.0)).ToList();
        var ageHours = Math.Max(0, (inputs.Now - story.AgeReference).TotalHours);
        var engagement = story.Engagement;
        var votes = sources.Sum(s => inputs.FeedbackBySource.GetValueOrDefault(s));
        return new ScoreParts(
            Recency: Math.Pow(0.5, ageHours / halfLifeHours),
            SourceWeight: weights.Count == 0 ? 1.0 : weights[0],
            CrossSource: weights.Skip(1).Sum(),
            Engagement: engagement.IsNone ? 0 : Math.Log10(1 + engagement.Points + (2.0 * engagement.Comments)) / 2,
            Feedback: Math.Clamp(votes * FeedbackPerVote, -FeedbackCap, FeedbackCap),
            Picked: inputs.Picks.ContainsKey(story.Id));
    }
}
