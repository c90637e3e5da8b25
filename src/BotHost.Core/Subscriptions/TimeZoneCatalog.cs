using System.Collections.Frozen;

namespace BotHost.Core.Subscriptions;

/// <summary>
/// The IANA time zones this system knows, looked up without regard to case, and suggested for autocomplete
/// from memory (no I/O per keystroke).
/// </summary>
public static class TimeZoneCatalog
{
    private static readonly Lazy<Catalog> Zones = new(Build);

    /// <summary>Every known zone id, sorted.</summary>
    public static IReadOnlyList<string> Ids => Zones.Value.Sorted;

    /// <summary>The canonical spelling of <paramref name="id"/> ("europe/berlin" → "Europe/Berlin"), or null when unknown.</summary>
    public static string? Canonical(string? id)
        => id is not null && Zones.Value.ById.TryGetValue(id.Trim(), out var canonical) ? canonical : null;

    public static TimeZoneInfo? Find(string? id)
    {
        if (Canonical(id) is not { } canonical)
        {
            return null;
        }

        return canonical == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.TryFindSystemTimeZoneById(canonical, out var zone) ? zone : null;
    }

    /// <summary>
    /// Zones matching what was typed: those whose id or city starts with it first, then those containing it;
    /// spaces match underscores ("new york" finds America/New_York). Empty text suggests common zones.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? typed, int limit)
    {
        var text = (typed ?? string.Empty).Trim().Replace(' ', '_');
        if (text.Length == 0)
        {
            return [.. Common.Where(id => Canonical(id) is not null).Take(limit)];
        }

        var starts = new List<string>();
        var contains = new List<string>();
        foreach (var id in Zones.Value.Sorted)
        {
            var city = id[(id.LastIndexOf('/') + 1)..];
            if (id.StartsWith(text, StringComparison.OrdinalIgnoreCase) || city.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                starts.Add(id);
            }
            else if (id.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                contains.Add(id);
            }
        }

        return [.. starts.Concat(contains).Take(limit)];
    }

    private static readonly string[] Common =
    [
        "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
    ];

    private static Catalog Build()
    {
        // Linux and macOS list IANA ids; Windows lists its own ids, which ICU maps to IANA ones.
        var ids = TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            .Append("UTC")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new Catalog(ids, ids.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));
    }

    private sealed record Catalog(string[] Sorted, FrozenDictionary<string, string> ById);
}
