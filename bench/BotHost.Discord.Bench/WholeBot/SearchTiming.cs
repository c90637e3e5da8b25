using System.Diagnostics;
using BotHost.Core.Stories;
using BotHost.Discord.Bench.Corpus;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// The /search query on its own: <see cref="StoryQueries.SearchAsync"/> (FTS5 match, bm25 order, sources of each
/// hit) exactly as /search calls it, one query at a time on the bench's database after the bot has stopped, from the
/// CLI composition of the same services. The first 20 queries run once untimed (JIT, first pages), then every query
/// is timed once.
/// </summary>
internal static class SearchTiming
{
    /// <returns>Each query with its wall time and the CPU time this process spent meanwhile (the call runs alone).</returns>
    public static async Task<IReadOnlyList<(string Query, double Ms, double CpuMs)>> MeasureAsync(string database, string topicsFile, TimeSpan clockOffset, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        var builder = BotHostApplication.CreateBuilder(forCli: true, new ShiftedTimeProvider(clockOffset), new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database,
            ["Curation:TopicsFile"] = topicsFile,
        });
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        var stories = host.Services.GetRequiredService<StoryQueries>();
        foreach (var query in queries.Take(20))
        {
            await stories.SearchAsync(query, null, null, Bridge.Commands.SearchCommand.MaxResults, null, cancellationToken);
        }

        var times = new List<(string Query, double Ms, double CpuMs)>(queries.Count);
        using var process = Process.GetCurrentProcess();
        foreach (var query in queries)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var found = await stories.SearchAsync(query, null, null, Bridge.Commands.SearchCommand.MaxResults, null, cancellationToken);
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            times.Add((query, wall, (process.TotalProcessorTime - cpu).TotalMilliseconds));
            if (found.Error is not null)
            {
                throw new InvalidOperationException($"the bench query '{query}' was refused: {found.Error}");
            }
        }

        return times;
    }
}
