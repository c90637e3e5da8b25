using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Namespace scopes that never fail a lookup: a prefix the document uses without declaring it (a &lt;dc:creator&gt;
/// with no xmlns:dc, seen in hand-edited and template feeds) resolves to the namespace that prefix conventionally
/// names, or to a placeholder, and is recorded so the parse can report it. Declarations in the document always win.
/// </summary>
internal sealed class LaxNamespaceManager : XmlNamespaceManager
{
    private const string Placeholder = "urn:bothost:undeclared-prefix:";

    /// <summary>Prefixes as the RSS and Atom module specifications and their publishers write them.</summary>
    private static readonly Dictionary<string, string> Conventional = new(StringComparer.Ordinal)
    {
        ["atom"] = FeedXml.Atom10,
        ["content"] = FeedXml.Content,
        ["dc"] = FeedXml.DublinCore,
        ["media"] = FeedXml.Media,
        ["rdf"] = FeedXml.Rdf,
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["yt"] = "http://www.youtube.com/xml/schemas/2015",
    };

    private readonly XmlNameTable _names;
    private readonly List<string> _undeclared = [];

    public LaxNamespaceManager(XmlNameTable names)
        : base(names)
    {
        _names = names;
    }

    /// <summary>The prefixes used without a declaration, in the order first seen.</summary>
    public IReadOnlyList<string> Undeclared => _undeclared;

    public override string? LookupNamespace(string prefix)
    {
        var found = base.LookupNamespace(prefix);
        if (found is not null || prefix.Length == 0)
        {
            return found;
        }

        if (!_undeclared.Contains(prefix))
        {
            _undeclared.Add(prefix);
        }

        return _names.Add(Conventional.TryGetValue(prefix, out var uri) ? uri : Placeholder + prefix);
    }

    public string Describe() =>
        $"Read {_undeclared.Count} namespace prefix(es) the document uses without declaring ({string.Join(", ", _undeclared.Take(5).Select(p => p + ":"))}) as the namespaces they conventionally name.";
}
