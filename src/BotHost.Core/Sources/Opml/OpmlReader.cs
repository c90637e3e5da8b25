using System.Globalization;
using System.Text;
using System.Xml;

namespace BotHost.Core.Sources.Opml;

/// <summary>
/// Reads OPML 1.0/2.0 subscription lists as feed readers export them, treating the file as untrusted: no DTD (refused),
/// no external resolution, a size cap, a nesting cap and an outline cap, one forward pass with no recursion. Only
/// absolute http(s) feed URLs are accepted (the sources file's other forms, file paths, are for local samples).
/// </summary>
public static class OpmlReader
{
    public const long DefaultMaxBytes = 5 * 1024 * 1024;
    public const int MaxDepth = 32;
    public const int MaxOutlines = 10_000;
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2048;

    /// <summary>XML namespace of BotHost's own outline attributes (weight, intervalMinutes), so an export round-trips.</summary>
    public const string BotHostNamespace = "https://github.com/bothost/bothost/opml";

    /// <exception cref="OpmlFormatException">The file is missing, too large, not well-formed, carries a DTD, or is not OPML.</exception>
    public static OpmlDocument ReadFile(string path, long maxBytes = DefaultMaxBytes)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new OpmlFormatException($"OPML file '{path}' does not exist.");
        }

        if (file.Length > maxBytes)
        {
            throw new OpmlFormatException($"OPML file '{path}' is {file.Length} bytes, more than the {maxBytes} allowed; split it or remove what is not a feed.");
        }

        using var stream = file.OpenRead();
        return Read(stream, maxBytes);
    }

    /// <exception cref="OpmlFormatException">The input is too large, not well-formed, carries a DTD, or is not OPML.</exception>
    public static OpmlDocument Read(Stream stream, long maxBytes = DefaultMaxBytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = maxBytes,
            MaxCharactersFromEntities = 1024,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return new Walk(reader).Run();
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new OpmlFormatException($"The OPML file carries a DTD (<!DOCTYPE …>), which is refused for safety; remove it (line {ex.LineNumber}).", ex);
        }
        catch (XmlException ex)
        {
            throw new OpmlFormatException($"The OPML file is not well-formed XML: {ex.Message}", ex);
        }
    }

    /// <summary>One pass over the document, keeping the enclosing folder outlines on a stack.</summary>
    private sealed class Walk(XmlReader reader)
    {
        private readonly List<OpmlFeed> _feeds = [];
        private readonly List<string> _problems = [];
        private readonly List<string> _notes = [];
        private readonly Stack<string?> _folders = new();
        private int _outlines;

        public OpmlDocument Run()
        {
            if (!reader.ReadToFollowing("opml") || reader.Depth != 0)
            {
                throw new OpmlFormatException("The file is not OPML: its root element must be <opml> (with <head> and <body>).");
            }

            var sawBody = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "outline")
                {
                    _folders.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "body" && reader.Depth == 1)
                {
                    sawBody = true;
                }
                else if (reader.LocalName == "outline" && sawBody)
                {
                    Outline();
                }
                else if (reader.LocalName == "outline" && !reader.IsEmptyElement)
                {
                    // Outside <body> an outline means nothing, but its end tag still pops one entry.
                    _folders.Push(null);
                }
            }

            if (!sawBody)
            {
                throw new OpmlFormatException("The OPML file has no <body>; feed readers put the subscriptions there as <outline> elements.");
            }

            return new OpmlDocument(_feeds, _problems, _notes);
        }

        private void Outline()
        {
            if (++_outlines > MaxOutlines)
            {
                throw new OpmlFormatException($"The OPML file has more than {MaxOutlines} outlines; split it.");
            }

            if (_folders.Count >= MaxDepth)
            {
                throw new OpmlFormatException($"The OPML file nests outlines deeper than {MaxDepth} levels (line {Line}); flatten its folders.");
            }

            var line = Line;
            var text = Clean(Attribute("text"));
            var title = Clean(Attribute("title"));
            var xmlUrl = Attribute("xmlUrl")?.Trim();
            var empty = reader.IsEmptyElement;
            if (xmlUrl is null)
            {
                if (empty)
                {
                    _notes.Add($"line {line}: outline \"{title ?? text}\" has no xmlUrl and holds nothing; skipped (not a feed).");
                }
                else
                {
                    _folders.Push(title ?? text);
                }

                return;
            }

            if (!empty)
            {
                // A feed outline holding more outlines: its children still count, under no extra folder.
                _folders.Push(null);
            }

            var name = title ?? text ?? xmlUrl;
            if (!IsWebUrl(xmlUrl))
            {
                _problems.Add($"line {line}: outline \"{Shorten(name)}\": xmlUrl \"{Shorten(xmlUrl)}\" must be an absolute http:// or https:// URL of at most {MaxUrlLength} characters.");
                return;
            }

            var weightText = Attribute("weight", BotHostNamespace);
            double? weight = null;
            if (weightText is not null)
            {
                if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w is not (> 0 and <= 100))
                {
                    _problems.Add($"line {line}: outline \"{Shorten(name)}\": bothost:weight=\"{Shorten(weightText)}\" must be a number greater than 0 and at most 100.");
                    return;
                }

                weight = w;
            }

            var intervalText = Attribute("intervalMinutes", BotHostNamespace);
            int? interval = null;
            if (intervalText is not null)
            {
                if (!int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is not (>= 1 and <= 1440))
                {
                    _problems.Add($"line {line}: outline \"{Shorten(name)}\": bothost:intervalMinutes=\"{Shorten(intervalText)}\" must be whole minutes between 1 and 1440.");
                    return;
                }

                interval = minutes;
            }

            var htmlUrl = Attribute("htmlUrl")?.Trim();
            _feeds.Add(new OpmlFeed(
                name.Length > MaxNameLength ? name[..MaxNameLength].TrimEnd() : name,
                xmlUrl,
                htmlUrl is not null && IsWebUrl(htmlUrl) ? htmlUrl : null,
                Categories(Attribute("category")),
                weight,
                interval,
                line));
        }

        private List<string> Categories(string? attribute)
        {
            var result = _folders.Where(f => f is not null).Reverse().Select(f => f!).ToList();
            foreach (var category in (attribute ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // OPML 2.0: comma-separated, slash-delimited paths; the last segment names the category.
                var last = category.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                if (last is not null && !result.Contains(last, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(last);
                }
            }

            return result;
        }

        // Attribute names are matched without regard to case: exports write xmlUrl, xmlurl and XMLURL alike.
        private string? Attribute(string name, string? ns = null)
        {
            if (!reader.MoveToFirstAttribute())
            {
                return null;
            }

            try
            {
                do
                {
                    if (string.Equals(reader.LocalName, name, StringComparison.OrdinalIgnoreCase) && (ns is null ? reader.NamespaceURI.Length == 0 : reader.NamespaceURI == ns))
                    {
                        return reader.Value;
                    }
                }
                while (reader.MoveToNextAttribute());
                return null;
            }
            finally
            {
                reader.MoveToElement();
            }
        }

        private int Line => reader is IXmlLineInfo info ? info.LineNumber : 0;

        private static bool IsWebUrl(string url) =>
            url.Length <= MaxUrlLength && !url.Any(char.IsControl)
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

        private static string? Clean(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var c in text.Trim())
            {
                builder.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
            }

            return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
    }
}
