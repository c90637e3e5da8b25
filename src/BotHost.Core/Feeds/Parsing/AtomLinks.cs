using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Picks among several Atom &lt;link&gt;s: rel="alternate" (or no rel) with an HTML or absent type first, then any
/// other alternate; rel="replies" with an HTML type is the discussion page.
/// </summary>
internal sealed class AtomLinks
{
    private string? _html;
    private string? _other;

    /// <summary>The chosen page link, absolute (<see cref="Uri.AbsoluteUri"/> form), or null.</summary>
    public string? Alternate => _html ?? _other;

    public string? Replies { get; private set; }

    /// <summary>Considers the &lt;link&gt; the reader is on (attributes only; the reader does not move).</summary>
    public void Add(XmlReader reader, Uri? baseUri)
    {
        var linkBase = FeedUrls.ApplyXmlBase(reader, baseUri, baseUri);
        var href = FeedUrls.ResolveText(reader.GetAttribute("href"), linkBase);
        if (href is null)
        {
            return;
        }

        var rel = reader.GetAttribute("rel")?.Trim() ?? "alternate";
        var type = reader.GetAttribute("type")?.Trim();
        var isHtml = type is null || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
        if (rel.Equals("alternate", StringComparison.OrdinalIgnoreCase) || rel.Equals("http://www.iana.org/assignments/relation/alternate", StringComparison.OrdinalIgnoreCase))
        {
            if (isHtml)
            {
                _html ??= href;
            }
            else
            {
                _other ??= href;
            }
        }
        else if (rel.Equals("replies", StringComparison.OrdinalIgnoreCase) && isHtml)
        {
            Replies ??= href;
        }
    }
}
