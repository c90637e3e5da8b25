using System.Diagnostics;
using System.Globalization;
using BotHost.Core.Stories;
using BotHost.Discord.Bench.Corpus;
using Microsoft.Data.Sqlite;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// Where a /search spends its time, query by query: the whole <see cref="StoryQueries.SearchAsync"/> call in wall and
/// CPU time (CPU time stays readable when other processes load the machine), then, on the corpus opened read-only,
/// the FTS5 part of the MATCH as typed and with every word widened to a prefix, with hit counts and the plan of the
/// slowest. For iterating on the query in seconds.
/// </summary>
internal static class SearchProfile
{
    private const string FtsPart = "SELECT rowid FROM story_search WHERE story_search MATCH $match ORDER BY rowid DESC LIMIT 1000";

    public static async Task<int> RunAsync(string database, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        await TimeWholeCallsAsync(database, queries, passes: 1, cancellationToken);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        foreach (var query in queries.Take(20))
        {
            await ProfileAsync(connection, query, cancellationToken);
        }

        var rows = new List<Row>(queries.Count);
        foreach (var query in queries)
        {
            rows.Add(await ProfileAsync(connection, query, cancellationToken));
        }

        Console.WriteLine("FTS5 part:  total    exact (hits)   widened (hits)  query");
        foreach (var row in rows.OrderByDescending(r => r.ExactMs + r.WideMs).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.ExactMs + row.WideMs,8:F1} {row.ExactMs,8:F1} ({row.ExactHits,4}) {row.WideMs,8:F1} ({row.WideHits,4})  {row.Query}   [{row.Match}]"));
        }

        var slowest = rows.MaxBy(r => r.ExactMs + r.WideMs)!;
        Console.WriteLine($"plan of the slowest widened MATCH {slowest.Match}:");
        await using (var plan = connection.CreateCommand())
        {
            plan.CommandText = "EXPLAIN QUERY PLAN " + FtsPart;
            plan.Parameters.AddWithValue("$match", slowest.Match);
            await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Console.WriteLine("  " + reader.GetString(3));
            }
        }

        var totals = rows.Select(r => r.ExactMs + r.WideMs).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FTS part: p50 {Percentiles.Of(totals, 50):F2} ms, p99 {Percentiles.Of(totals, 99):F2} ms; {rows.Count(r => r.WideMs > 0)} of {rows.Count} queries widened"));
        return 0;
    }

    /// <param name="passes">
    /// Runs of the whole list; each query reports its median over them, so a burst of load from other processes on a
    /// shared machine moves one pass of a query, not its figure.
    /// </param>
    public static async Task<int> TimeWholeCallsAsync(string database, IReadOnlyList<string> queries, int passes, CancellationToken cancellationToken)
    {
        var runs = new List<IReadOnlyList<(string Query, double Ms, double CpuMs)>>();
        for (var pass = 0; pass < passes; pass++)
        {
            runs.Add(await SearchTiming.MeasureAsync(database, Path.Combine("config", "topics.json"), StoryCorpus.Now - DateTimeOffset.UtcNow, queries, cancellationToken));
        }

        var times = queries.Select((query, i) => (Query: query, Ms: Median(runs.Select(r => r[i].Ms)), CpuMs: Median(runs.Select(r => r[i].CpuMs)))).ToList();
        Console.WriteLine($"whole call ({(passes == 1 ? "one pass" : $"median of {passes} passes")}): wall ms, CPU ms, query");
        foreach (var (query, ms, cpuMs) in times.OrderByDescending(t => t.Ms).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,8:F1} {cpuMs,8:F1}  {query}"));
        }

        var wall = times.Select(t => t.Ms).ToList();
        var cpu = times.Select(t => t.CpuMs).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole call: wall p50 {Percentiles.Of(wall, 50):F2} ms, p99 {Percentiles.Of(wall, 99):F2} ms; CPU p50 {Percentiles.Of(cpu, 50):F2} ms, p99 {Percentiles.Of(cpu, 99):F2} ms"));
        return 0;
    }

    private static double Median(IEnumerable<double> values) => Percentiles.Of([.. values], 50);

    private static async Task<Row> ProfileAsync(SqliteConnection connection, string query, CancellationToken cancellationToken)
    {
        if (!StorySearchQuery.TryBuild(query, out var match, out var exact, out var error))
        {
            throw new InvalidOperationException($"the bench query '{query}' was refused: {error}");
        }

        var (exactMs, exactHits) = await TimeAsync(connection, exact, cancellationToken);
        if (exact == match || exactHits >= Bridge.Commands.SearchCommand.MaxResults)
        {
            return new Row(query, exact, exactMs, exactHits, 0, 0);
        }

        var (wideMs, wideHits) = await TimeAsync(connection, match, cancellationToken);
        return new Row(query, match, exactMs, exactHits, wideMs, wideHits);
    }

    private static async Task<(double Ms, int Hits)> TimeAsync(SqliteConnection connection, string match, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandText = FtsPart;
        command.Parameters.AddWithValue("$match", match);
        var hits = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits++;
        }

        return (watch.Elapsed.TotalMilliseconds, hits);
    }

    private sealed record Row(string Query, string Match, double ExactMs, int ExactHits, double WideMs, int WideHits);
}
