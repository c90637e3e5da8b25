namespace BotHost.Core.Stories;

/// <summary>
/// The stories a new title is worth scoring against: an in-memory inverted index from each title band (and the
/// exact normalized-title hash) to the stories whose titles carry it. Only stories first seen within the title
/// match window are ever asked for, so <see cref="StoryClusterer"/> fills it from the database for that window
/// and adds what ingest creates. It replaced a table of 16 band rows per story: each row landed on a random page
/// of a large index, so storing them cost more than everything else ingest wrote, and more the larger the store.
/// </summary>
/// <remarks>
/// A key most titles do not share costs one table slot (about 20 bytes); a shared key keeps its stories in one
/// ascending array, so a probe of a crowded band reads its newest stories from consecutive memory. Keys are kept
/// to 32 bits: a rare collision only adds a candidate, and every candidate is scored on its stored title.
/// </remarks>
public sealed class TitleBandIndex
{
    private readonly Lock _lock = new();

    // Key -> the one story carrying it (a position, >= 0), or ~n for the key's posting n when several do.
    private readonly Dictionary<uint, int> _keys = [];
    private readonly List<Posting> _postings = [];

    // Stories in id order (ids rise with first_seen_at: a story is created when first seen); positions index these.
    private readonly List<long> _storyIds = [];
    private readonly List<long> _storySeenMs = [];

    // Per story position while one call ranks candidates: its hits, and the call that last counted it.
    private int[] _hits = [];
    private int[] _hitCall = [];
    private int _call;
    private readonly List<int> _touched = [];

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
    /// Indexes a title of a story: a new story (an id above every indexed one) or another title of one already
    /// indexed. A title of a story that is not indexed (first seen before the window) is ignored.
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
            }
            else
            {
                story = _storyIds.BinarySearch(storyId);
                if (story < 0)
                {
                    return;
                }
            }

            AddKey(HashKey(fingerprint.NormalizedHash), story);
            foreach (var band in fingerprint.BandKeys)
            {
                AddKey(BandKey(band), story);
            }
        }
    }

    /// <summary>
    /// Stories first seen since <paramref name="since"/> that share the normalized title hash or a band, those
    /// sharing the most first (ties: newest first), at most <paramref name="limit"/>. Each probe reads at most
    /// <paramref name="perProbe"/> of its newest stories, so a band that many titles share costs the same however
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

            StartCall();
            Probe(HashKey(fingerprint.NormalizedHash), firstStory, perProbe);
            foreach (var band in fingerprint.BandKeys.Distinct())
            {
                Probe(BandKey(band), firstStory, perProbe);
            }

            return [.. Top(limit).Select(story => _storyIds[story])];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _keys.Clear();
            _postings.Clear();
            _storyIds.Clear();
            _storySeenMs.Clear();
        }
    }

    private void AddKey(uint key, int story)
    {
        if (!_keys.TryGetValue(key, out var value))
        {
            _keys[key] = story;
        }
        else if (value >= 0)
        {
            if (value != story)
            {
                var posting = new Posting();
                posting.Insert(value);
                posting.Insert(story);
                _keys[key] = ~_postings.Count;
                _postings.Add(posting);
            }
        }
        else
        {
            _postings[~value].Insert(story);
        }
    }

    private void Probe(uint key, int firstStory, int perProbe)
    {
        if (!_keys.TryGetValue(key, out var value))
        {
            return;
        }

        if (value >= 0)
        {
            if (value >= firstStory)
            {
                Hit(value);
            }

            return;
        }

        var posting = _postings[~value];
        for (var i = posting.Count - 1; i >= 0 && posting.Count - i <= perProbe; i--)
        {
            var story = posting[i];
            if (story < firstStory)
            {
                break;
            }

            Hit(story);
        }
    }

    private void StartCall()
    {
        if (_hits.Length < _storyIds.Count)
        {
            var size = Math.Max(_storyIds.Count, _hits.Length * 2);
            Array.Resize(ref _hits, size);
            Array.Resize(ref _hitCall, size);
        }

        _call++;
        _touched.Clear();
    }

    private void Hit(int story)
    {
        if (_hitCall[story] != _call)
        {
            _hitCall[story] = _call;
            _hits[story] = 0;
            _touched.Add(story);
        }

        _hits[story]++;
    }

    // The best `limit` stories: most hits first, then newest (the highest position) first.
    private List<int> Top(int limit)
    {
        var best = new List<int>(limit + 1);
        foreach (var story in _touched)
        {
            if (best.Count == limit && !Before(story, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(story, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, story);
            if (best.Count > limit)
            {
                best.RemoveAt(limit);
            }
        }

        return best;
    }

    private bool Before(int a, int b) => _hits[a] > _hits[b] || (_hits[a] == _hits[b] && a > b);

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

    /// <summary>The story positions carrying one key, ascending, each once.</summary>
    private sealed class Posting
    {
        private int[] _stories = new int[4];

        public int Count { get; private set; }

        public int this[int index] => _stories[index];

        public void Insert(int story)
        {
            // New stories arrive in order, so this is almost always an append; another title of an older story lands inside.
            var at = Count;
            while (at > 0 && _stories[at - 1] > story)
            {
                at--;
            }

            if (at > 0 && _stories[at - 1] == story)
            {
                return;
            }

            if (Count == _stories.Length)
            {
                Array.Resize(ref _stories, Count * 2);
            }

            Array.Copy(_stories, at, _stories, at + 1, Count - at);
            _stories[at] = story;
            Count++;
        }
    }
}
