using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Tests.Stories;

public sealed class SearchRankingTests
{
    private static readonly string[] Vocabulary = ["sqlite", "postgres", "wal", "wals", "checkpoint", "checkpoints", "café", "Cafe", "log", "logging", "the", "a", "new"];

    [Fact]
    public void Best_ATitleHitOutranksTheSameWordInANewerSummary()
    {
        var inTitle = new SearchCandidate(1, "Tuning sqlite", "Notes on pages.", 1_000);
        var inSummary = new SearchCandidate(2, "Tuning databases", "Notes on sqlite pages.", 2_000);
        var phrases = Phrases("sqlite");

        var best = SearchRanking.Best([inSummary, inTitle], [inSummary, inTitle], phrases, [1.0], 2);

        Assert.Equal([1L, 2L], best.Select(c => c.StoryId));
    }

    [Fact]
    public void Best_InAnOrSearch_AStoryWithTheRarerWordComesFirst()
    {
        var rare = new SearchCandidate(1, "A checkpoint story", "", 1_000);
        var common = new SearchCandidate(2, "A new story", "", 2_000);
        var phrases = Phrases("checkpoint", "OR", "new");
        double[] idf = [SearchRanking.InverseDocumentFrequency(10, 1_000), SearchRanking.InverseDocumentFrequency(600, 1_000)];

        var best = SearchRanking.Best([common, rare], [common, rare], phrases, idf, 1);

        Assert.Equal(1, Assert.Single(best).StoryId);
    }

    [Fact]
    public void Tokens_FoldCaseAndDiacritics_AndSplitOnPunctuation()
    {
        Assert.Equal(["cafe", "naive", "write", "ahead", "x2", "日本語"], SearchText.Tokens("CAFÉ naïve—write-ahead x2 (日本語)"));
    }

    /// <summary>
    /// With exact document frequencies and the average length of every story, the score is the one FTS5's bm25(title 5,
    /// summary 1) gives the same stories, for single words, prefixes, phrases, OR and NOT over random text.
    /// </summary>
    [Theory]
    [InlineData("sqlite", "")]
    [InlineData("sqlite wal", "wal")]
    [InlineData("checkpoint OR café", "checkpoint")]
    [InlineData("\"the new\" log", "")]
    [InlineData("log NOT postgres", "log")]
    public void Score_WithExactFrequencies_EqualsFts5Bm25(string typed, string widened)
    {
        const int seed = 20261205;
        var random = new Random(seed);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5(title, summary_text, tokenize='unicode61 remove_diacritics 2')");
        var stories = new List<SearchCandidate>();
        for (var id = 1; id <= 150; id++)
        {
            var story = new SearchCandidate(id, Words(random, 2, 8), Words(random, 0, 25), id);
            stories.Add(story);
            Execute(connection, "INSERT INTO t(rowid, title, summary_text) VALUES ($id, $title, $summary)", ("$id", id), ("$title", story.Title), ("$summary", story.Summary));
        }

        Assert.True(StorySearchQuery.TryParse(typed, out var typedParts, out var error), error);
        var parts = StorySearchQuery.Widened(typedParts, word => word == $"\"{widened}\"");
        var match = string.Join(' ', parts);
        var phrases = SearchPhrase.Of(parts);
        double[] idf = [.. phrases.Select(p => SearchRanking.InverseDocumentFrequency(Count(connection, p.Match), stories.Count))];
        var averageLength = stories.Average(s => (double)(SearchText.Tokens(s.Title).Count + SearchText.Tokens(s.Summary).Count));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, -bm25(t, 5.0, 1.0) FROM t WHERE t MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        var compared = 0;
        while (reader.Read())
        {
            var ours = SearchRanking.Score(stories[reader.GetInt32(0) - 1], phrases, idf, averageLength);
            Assert.True(Math.Abs(ours - reader.GetDouble(1)) < 1e-9 * Math.Max(1, Math.Abs(ours)), $"seed {seed}, {match}, story {reader.GetInt32(0)}: ours {ours}, FTS5 {reader.GetDouble(1)}");
            compared++;
        }

        Assert.True(compared > 3, $"seed {seed}: only {compared} stories matched {match}");
    }

    private static IReadOnlyList<SearchPhrase> Phrases(params string[] typed)
        => SearchPhrase.Of([.. typed.Select(t => t is "OR" or "NOT" ? t : $"\"{t}\"")]);

    private static string Words(Random random, int min, int max)
        => string.Join(random.Next(4) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static long Count(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t WHERE t MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
