using System.Security.Cryptography;
using BotHost.Bench.System.Running;
using BotHost.Core.Storage;
using BotHost.Core.Stories;

namespace BotHost.Bench.System.Stores;

/// <summary>
/// The seeded story databases of a run. Each size is built once into bench/.corpus/stores/ (git-ignored) and reused
/// by later runs while the seed, the builder and the schema migrations stay the same; a run measures on its own copy
/// in the scratch directory, since ingest writes to it.
/// </summary>
internal sealed class StoreSet(BenchContext context, int largeStories)
{
    public const int SmallStories = 10_000;

    /// <summary>Raised when <see cref="StoryStoreBuilder"/> writes different rows, so stores built before are not reused.</summary>
    private const int BuilderVersion = 1;

    private readonly Dictionary<int, Task<string>> _cached = [];
    private readonly TopicVocabulary? _vocabulary = TopicVocabulary.Load(context.TopicsFile);
    private readonly string _directory = Path.Combine(context.Repository, "bench", ".corpus", "stores");

    /// <summary>1M unless --large-stories says otherwise (a smaller machine, a quicker look).</summary>
    public int LargeStories { get; } = largeStories;

    /// <summary>Seconds spent building the large store in this run; 0 when an earlier run's store was reused.</summary>
    public double LargeBuildSeconds { get; private set; }

    public Task<string> SmallAsync(CancellationToken cancellationToken) => CopyAsync("small", SmallStories, cancellationToken);

    public Task<string> LargeAsync(CancellationToken cancellationToken) => CopyAsync("large", LargeStories, cancellationToken);

    /// <summary>A scratch copy of the store of <paramref name="stories"/> stories, for this caller alone.</summary>
    public async Task<string> CopyAsync(string name, int stories, CancellationToken cancellationToken)
    {
        if (!_cached.TryGetValue(stories, out var cached))
        {
            cached = CachedAsync(stories, cancellationToken);
            _cached[stories] = cached;
        }

        var source = await cached;
        var copy = context.ScratchPath("stores", $"{name}-{stories}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        // A write-ahead log left by an earlier run's copy would be replayed into this one.
        File.Delete(copy + "-wal");
        File.Delete(copy + "-shm");
        File.Copy(source, copy, overwrite: true);
        return copy;
    }

    private async Task<string> CachedAsync(int stories, CancellationToken cancellationToken)
    {
        var prefix = $"stories-{stories}-seed{BenchContext.Seed}-";
        var path = Path.Combine(_directory, prefix + SchemaKey() + ".db");
        if (File.Exists(path))
        {
            context.Log.WriteLine($"  reusing the store of {stories:#,0} stories in {Path.GetRelativePath(context.Repository, path)}");
            return path;
        }

        Directory.CreateDirectory(_directory);
        foreach (var stale in Directory.EnumerateFiles(_directory, prefix + "*"))
        {
            File.Delete(stale);
        }

        // Built under a temporary name and renamed when complete, so a run stopped part-way leaves nothing to reuse.
        var building = Path.Combine(_directory, $".building-{Guid.NewGuid():N}.db");
        context.Log.WriteLine($"  building a store of {stories:#,0} stories (seed {BenchContext.Seed}) into {Path.GetRelativePath(context.Repository, path)} ...");
        try
        {
            var elapsed = await StoryStoreBuilder.BuildAsync(building, stories, BenchContext.Seed, _vocabulary, context.Log, cancellationToken);
            File.Move(building, path);
            if (stories == LargeStories)
            {
                LargeBuildSeconds = elapsed.TotalSeconds;
            }

            context.Log.WriteLine($"  built in {elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1048576.0:#,0} MB)");
            return path;
        }
        finally
        {
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>The migrations' names and text with the builder's version, hashed: a new migration means a new store.</summary>
    private static string SchemaKey()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(BuilderVersion));
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(global::System.Text.Encoding.UTF8.GetBytes(resource));
            hash.AppendData(buffer.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
