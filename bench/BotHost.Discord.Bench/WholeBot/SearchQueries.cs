namespace BotHost.Discord.Bench.WholeBot;

/// <summary>Search words shaped like what members type: one or two words of a headline, sometimes a phrase or an OR.</summary>
internal static class SearchQueries
{
    public static IReadOnlyList<string> Make(int count, int seed)
    {
        var headlines = new BotHost.Benchmarks.Stories.Headlines(seed);
        var random = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var words = headlines.NextTitle().ToLowerInvariant().Split(' ').Where(w => w.Length > 2 && !w.Contains('.', StringComparison.Ordinal)).ToArray();
            if (words.Length < 2)
            {
                continue;
            }

            queries.Add(random.Next(5) switch
            {
                0 => words[0],
                1 => $"\"{words[^2]} {words[^1]}\"",
                2 => $"{words[1]} OR {words[^1]}",
                _ => $"{words[0]} {words[^1]}",
            });
        }

        return queries;
    }
}
