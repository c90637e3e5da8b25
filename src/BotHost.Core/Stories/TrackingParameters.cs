using System.Collections.Frozen;

namespace BotHost.Core.Stories;

/// <summary>Query parameters that only identify a campaign, click or recipient, never the article.</summary>
internal static class TrackingParameters
{
    // Gathered from public tracker-stripping lists (the ClearURLs rule set, Firefox's query-parameter stripping
    // list, Brave's debouncing/query filter, Miniflux's urlcleaner) and from the vendors' own docs for the
    // click ids (Google gclid/dclid/gbraid/wbraid, Microsoft msclkid, Meta fbclid, Yandex yclid, X twclid).
    // Only names that are trackers on every site are here; site-specific ones (e.g. LinkedIn "trk") are not.
    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.Ordinal,
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "li_fat_id", "epik", "rb_clickid", "s_kwcid", "srsltid",
        "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",
        "mkt_tok", "ref", "ref_src", "ref_url", "spm", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id",
        "_openstat", "wickedid", "_ga", "_gl", "_kx", "ck_subscriber_id", "_bhlid");

    private const string UtmPrefix = "utm_";

    /// <param name="host">Lower-case ASCII host of the link.</param>
    /// <param name="decodedName">The fully percent-decoded parameter name.</param>
    /// <param name="decodedValue">The fully percent-decoded value (empty when the parameter has none).</param>
    public static bool IsTracker(string host, string decodedName, string decodedValue)
    {
        var name = decodedName.ToLowerInvariant();
        return name.StartsWith(UtmPrefix, StringComparison.Ordinal)
            || Names.Contains(name)
            || (name == MediumFeedSource.ParameterName && MediumFeedSource.IsFeedTag(host, decodedValue));
    }
}
