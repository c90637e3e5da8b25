using BotHost.Bench.System.Running;
using BotHost.Core.Stories;

namespace BotHost.Bench.System.Stores;

/// <summary>
/// The seeded story databases of one run, each built once on first use in the scratch directory: the small
/// (10k) and large (1M) stores the sections share, and throwaway ones for warm-ups.
/// </summary>
internal sealed class StoreSet(BenchContext context, int largeStories)
{
    public const int SmallStories = 10_000;

    private readonly Dictionary<int, Task<string>> _built = [];
    private readonly TopicVocabulary? _vocabulary = TopicVocabulary.Load(context.TopicsFile);

    /// <summary>1M unless --large-stories says otherwise (a smaller machine, a quicker look).</summary>
    public int LargeStories { get; } = largeStories;

    /// <summary>Seconds spent building the large store, for the report.</summary>
    public double LargeBuildSeconds { get; private set; }

    public Task<string> SmallAsync(CancellationToken cancellationToken) => GetAsync(SmallStories, cancellationToken);

    public Task<string> LargeAsync(CancellationToken cancellationToken) => GetAsync(LargeStories, cancellationToken);

    /// <summary>A fresh store of its own (not shared), e.g. for a warm-up that must not change the measured ones.</summary>
    public async Task<string> FreshAsync(string name, int stories, CancellationToken cancellationToken)
    {
        var path = context.ScratchPath("stores", name + ".db");
        await StoryStoreBuilder.BuildAsync(path, stories, BenchContext.Seed, _vocabulary, TextWriter.Null, cancellationToken);
        return path;
    }

    private Task<string> GetAsync(int stories, CancellationToken cancellationToken)
    {
        if (!_built.TryGetValue(stories, out var build))
        {
            build = BuildAsync(stories, cancellationToken);
            _built[stories] = build;
        }

        return build;
    }

    private async Task<string> BuildAsync(int stories, CancellationToken cancellationToken)
    {
        var path = context.ScratchPath("stores", $"stories-{stories}.db");
        context.Log.WriteLine($"  building a store of {stories:#,0} stories (seed {BenchContext.Seed}) ...");
        var elapsed = await StoryStoreBuilder.BuildAsync(path, stories, BenchContext.Seed, _vocabulary, context.Log, cancellationToken);
        if (stories == LargeStories)
        {
            LargeBuildSeconds = elapsed.TotalSeconds;
        }

        context.Log.WriteLine($"  built in {elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1048576.0:#,0} MB)");
        return path;
    }
}
