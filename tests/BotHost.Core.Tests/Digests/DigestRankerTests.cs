using BotHost.Core.Digests;
using BotHost.Core.Stories;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Digests;

public sealed class DigestRankerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly DigestRanker _ranker = new(Options.Create(new DigestOptions { HalfLifeHours = 12, MaxPerSource = 2 }));

    [Fact]
    public void Score_ShowsEachPart_RecencyHalvesPerHalfLife_CrossSourceAndEngagementAdd()
    {
        var story = Story(1, "Hacker News", hoursOld: 12, engagement: new Engagement(999, 0), "Lobsters");

        var score = DigestRanker.Score(story, Inputs(), 12);

        Assert.Equal((0.5, 1.5, 1.2, 1.5, 0.0, false), (score.Recency, score.SourceWeight, score.CrossSource, score.Engagement, score.Feedback, score.Picked));
        Assert.Equal(2.1, score.Total, 3);
    }

    [Fact]
    public void Rank_PutsPicksFirst_CapsOneSource_AndFeedbackMovesASourceDown()
    {
        var stories = new[]
        {
            Story(1, "dev.to", 1), Story(2, "dev.to", 1), Story(3, "dev.to", 1), Story(4, "Lobsters", 1), Story(5, "Blog", 30),
        };
        var inputs = Inputs(picks: new Dictionary<long, DigestPick> { [5] = new("ada", "read this") }, feedback: new Dictionary<string, int> { ["Lobsters"] = -8 });

        var ranked = _ranker.Rank([.. stories.Select(s => (s, FilterVerdict.Keep([], "kept")))], inputs, size: 10);

        var chosen = ranked.Where(r => r.Chosen).OrderBy(r => r.Rank).Select(r => r.Story.Id).ToList();
        Assert.Equal([5, 1, 2, 4], chosen);
        Assert.Contains("Digests:MaxPerSource", ranked.Single(r => r.Story.Id == 3).LeftOutBecause, StringComparison.Ordinal);
        Assert.Equal(-1.5, ranked.Single(r => r.Story.Id == 4).Score!.Feedback);
    }

    [Fact]
    public void Engagement_ReadsHnrssPointsAndComments()
    {
        Assert.Equal(new Engagement(312, 148), Engagement.Parse("Article URL: https://x.example/a Comments URL: https://news.ycombinator.com/item?id=1 Points: 312 # Comments: 148"));
        Assert.True(Engagement.Parse("Comments").IsNone);
    }

    private static RankingInputs Inputs(Dictionary<long, DigestPick>? picks = null, Dictionary<string, int>? feedback = null) => new(
        Now,
        new Dictionary<string, double> { ["Hacker News"] = 1.5, ["Lobsters"] = 1.2, ["dev.to"] = 1.0 },
        picks ?? [],
        feedback ?? []);

    private static StoryForDigest Story(long id, string source, double hoursOld, Engagement engagement = default, params string[] alsoOn) => new(
        id, $"Story {id}", $"https://example.org/{id}", "", Now - TimeSpan.FromHours(hoursOld), null, false,
        [new StoryMention(source, Now, "created", engagement), .. alsoOn.Select(s => new StoryMention(s, Now, "url", Engagement.None))],
        []);
}
