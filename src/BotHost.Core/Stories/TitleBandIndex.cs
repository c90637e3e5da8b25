using System.Runtime.InteropServices;

namespace BotHost.Core.Stories;

/// <summary>
/// The stories a new title is worth scoring against: an in-memory inverted index from each title band (and the
/// exact normalized-title hash) to the stories whose titles carry it. Only stories first seen within the title
/// match window are ever asked for, so <see cref="StoryClusterer"/> fills it from the database for that window
/// and adds what ingest creates. It replaced a table of 16 band rows per story: each row landed on a random page
/// of a large index, so storing them cost more than everything else ingest wrote, and more the larger the store.
/// </summary>
/// <remarks>
/// About 30 bytes per key: a story title carries 17, so 100,000 stories in the window take about 50 MB. Keys are
/// kept to 32 bits: a rare collision only adds a candidate, and every candidate is scored on its stored title.
/// </remarks>
public sealed class TitleBandIndex
{
    private readonly Lock _lock = new();

    // Key -> its newest entry; each entry links to the previous one of the same key, so a probe reads newest first.
    private readonly Dictionary<uint, int> _newest = [];
    private int[] _previous = new int[1024];
    private int[] _entryStory = new int[1024];
    private int _entries;

    // Hits per story (by position) while one call ranks candidates, and the probe that last counted it.
    private readonly Dictionary<int, (int Count, int LastProbe)> _hits = [];

    // Stories in id order (ids rise with first_seen_at: a story is created when first seen).
    private readonly List<long> _storyIds = [];
    private readonly List<long> _storySeenMs = [];
    private readonly List<int> _storyFirstEntry = [];

    /// <summary>The id of the newest story indexed; 0 when none.</summary>
    public long LastStoryId
    {
        get
        {
            lock (_lock)
            {
                return _storyIds.Count == 0 ? 0 : _storyIds[^1];
            }
        }
    }

    public int StoryCount
    {
        get
        {
            lock (_lock)
            {
                return _storyIds.Count;
            }
        }
    }

    /// <summary>
    /// Indexes a title of a story: a new story (an id above <see cref="LastStoryId"/>) or another variant of one
    /// already indexed. A variant of a story that is not indexed (first seen before the window) is ignored.
    /// </summary>
    public void Add(long storyId, DateTimeOffset storyFirstSeen, TitleFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        lock (_lock)
        {
            int story;
            if (_storyIds.Count == 0 || storyId > _storyIds[^1])
            {
                story = _storyIds.Count;
                _storyIds.Add(storyId);
                _storySeenMs.Add(storyFirstSeen.ToUnixTimeMilliseconds());
                _storyFirstEntry.Add(_entries);
            }
            else
            {
                story = _storyIds.BinarySearch(storyId);
                if (story < 0)
                {
                    return;
                }
            }

            AddEntry(HashKey(fingerprint.NormalizedHash), story);
            foreach (var band in fingerprint.BandKeys)
            {
                AddEntry(BandKey(band), story);
            }
        }
    }

    /// <summary>
    /// Stories first seen since <paramref name="since"/> that share the normalized title hash or a band, those
    /// sharing the most first (ties: newest first), at most <paramref name="limit"/>. Each probe reads at most
    /// <paramref name="perProbe"/> of its newest entries, so a band that many titles share costs the same however
    /// many share it, while a story sharing many bands still wins over many newer ones sharing one.
    /// </summary>
    public IReadOnlyList<long> Candidates(TitleFingerprint fingerprint, DateTimeOffset since, int limit, int perProbe)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        lock (_lock)
        {
            var firstStory = FirstStorySince(since.ToUnixTimeMilliseconds());
            if (firstStory == _storyIds.Count || limit <= 0)
            {
                return [];
            }

            var firstEntry = _storyFirstEntry[firstStory];
            _hits.Clear();
            var probe = 0;
            Probe(HashKey(fingerprint.NormalizedHash), ++probe, firstStory, firstEntry, perProbe);
            foreach (var band in fingerprint.BandKeys.Distinct())
            {
                Probe(BandKey(band), ++probe, firstStory, firstEntry, perProbe);
            }

            return [.. Top(limit).Select(story => _storyIds[story])];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _newest.Clear();
            _entries = 0;
            _storyIds.Clear();
            _storySeenMs.Clear();
            _storyFirstEntry.Clear();
        }
    }

    private void Probe(uint key, int probe, int firstStory, int firstEntry, int perProbe)
    {
        if (!_newest.TryGetValue(key, out var entry))
        {
            return;
        }

        // Entries are added in time order, so the chain is past the window once it reaches entries older than the
        // window's first story; a variant of an older story added later is inside that range but skipped.
        for (var counted = 0; entry >= firstEntry && counted < perProbe; entry = _previous[entry])
        {
            var story = _entryStory[entry];
            if (story < firstStory)
            {
                continue;
            }

            ref var hit = ref CollectionsMarshal.GetValueRefOrAddDefault(_hits, story, out _);
            if (hit.LastProbe != probe)
            {
                hit = (hit.Count + 1, probe);
                counted++;
            }
        }
    }

    // The best `limit` stories: most hits first, then newest (the highest index) first.
    private List<int> Top(int limit)
    {
        var best = new List<(int Story, int Count)>(limit + 1);
        foreach (var (story, hit) in _hits)
        {
            if (best.Count == limit && !Before((story, hit.Count), best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before((story, hit.Count), best[at - 1]))
            {
                at--;
            }

            best.Insert(at, (story, hit.Count));
            if (best.Count > limit)
            {
                best.RemoveAt(limit);
            }
        }

        return [.. best.Select(b => b.Story)];

        static bool Before((int Story, int Count) a, (int Story, int Count) b) => a.Count > b.Count || (a.Count == b.Count && a.Story > b.Story);
    }

    private void AddEntry(uint key, int story)
    {
        if (_entries == _previous.Length)
        {
            Array.Resize(ref _previous, _entries * 2);
            Array.Resize(ref _entryStory, _entries * 2);
        }

        _previous[_entries] = _newest.TryGetValue(key, out var newest) ? newest : -1;
        _entryStory[_entries] = story;
        _newest[key] = _entries;
        _entries++;
    }

    private int FirstStorySince(long sinceMs)
    {
        int low = 0, high = _storySeenMs.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_storySeenMs[middle] < sinceMs)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Hash and band keys live in one table; mixing the hash with a constant keeps the two kinds apart.
    private static uint HashKey(ulong normalizedHash) => (uint)Fnv1a64.Mix(normalizedHash ^ 0x7A11_0E5E_0000_0001);

    private static uint BandKey(ulong band) => (uint)band;
}
