namespace BotHost.Core.Subscriptions;

/// <summary>"Did you mean …?": the known name nearest to what was typed, for messages about typos.</summary>
internal static class NearestName
{
    /// <summary>The candidate nearest to <paramref name="typed"/> by edit distance, when it is plausibly a typo.</summary>
    public static string? Find(string typed, IEnumerable<string> candidates)
    {
        if (typed.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var tail = candidate[(candidate.LastIndexOf('/') + 1)..];
            var distance = Math.Min(Distance(typed, candidate), Distance(typed, tail));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
