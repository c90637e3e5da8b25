using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>One mutated document: what was done to which file, and its bytes.</summary>
internal sealed record FeedMutant(string Source, string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Source}: {Kind}";
}

/// <summary>
/// Mutants of one test feed, per issue 8 acceptance 1: each child element of every item, entry and channel
/// duplicated and deleted, truncations, a bare '&amp;' and an '&amp;nbsp;' inserted, an undeclared prefix, a default
/// namespace on an RSS root, a title nested 200 deep, wrong encoding declarations, and a few flipped bytes.
/// Text is handled as Latin-1 so every byte outside an edit survives unchanged, whatever the file's encoding.
/// </summary>
internal static partial class FeedMutants
{
    private static readonly Encoding Bytes = Encoding.Latin1;
    private static readonly string[] WrongEncodings = ["utf-16", "utf-32", "iso-8859-1", "shift_jis", "ebcdic-cp-us", "klingon-8"];
    private static readonly double[] TruncationPoints = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];

    public static IEnumerable<FeedMutant> Of(string source, byte[] original, Random random)
    {
        var text = Bytes.GetString(original);
        var json = text.TrimStart().StartsWith('{');
        var structural = json ? JsonMutants(text) : XmlMutants(text);
        foreach (var (kind, mutated) in structural.Concat(TextMutants(text, json, random)))
        {
            yield return new FeedMutant(source, kind, Bytes.GetBytes(mutated));
        }
    }

    /// <summary>True when the document plainly holds items, so zero items from it must come with an error.</summary>
    public static bool HasItems(byte[] document)
    {
        var text = Bytes.GetString(document);
        return ItemStart().IsMatch(text) || JsonItem().IsMatch(text);
    }

    private static IEnumerable<(string, string)> TextMutants(string text, bool json, Random random)
    {
        foreach (var point in TruncationPoints.Append(random.NextDouble()).Append(random.NextDouble()))
        {
            var at = (int)(text.Length * point);
            yield return ($"truncated at {at}", text[..at]);
        }

        for (var i = 0; i < 3; i++)
        {
            yield return ("bare '&'", InsertInText(text, "&", random));
            yield return ("'&nbsp;'", InsertInText(text, "&nbsp;", random));
            yield return ("flipped byte", FlipByte(text, random));
        }

        if (json)
        {
            yield break;
        }

        var item = ItemStart().Match(text);
        var (after, name) = item.Success ? (text.IndexOf('>', item.Index) + 1, "item") : (RootEnd(text), "root");
        if (after > 0)
        {
            yield return ($"undeclared prefix in {name}", text.Insert(after, "<zz:note zz:kind=\"x\">undeclared</zz:note>"));
            var deep = string.Concat(Enumerable.Repeat("<title>", 200)) + "deep" + string.Concat(Enumerable.Repeat("</title>", 200));
            yield return ($"title nested 200 deep in {name}", text.Insert(after, deep));
        }

        var rss = RssRoot().Match(text);
        if (rss.Success)
        {
            yield return ("default namespace on <rss>", text.Insert(rss.Index + 4, " xmlns=\"urn:mutant:default\""));
        }

        var declaration = EncodingDeclaration().Match(text);
        foreach (var encoding in WrongEncodings)
        {
            yield return ($"declared encoding {encoding}", declaration.Success
                ? text[..declaration.Groups[1].Index] + encoding + text[(declaration.Groups[1].Index + declaration.Groups[1].Length)..]
                : $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>" + text.TrimStart());
        }
    }

    /// <summary>Duplicates and deletes each child element of every channel, item, entry and Atom feed, one per mutant.</summary>
    private static IEnumerable<(string, string)> XmlMutants(string text)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            yield break; // a fixture broken on purpose gets the text mutants only
        }

        var declaration = EncodingDeclaration().Match(text) is { Success: true } found ? text[..(text.IndexOf("?>", found.Index, StringComparison.Ordinal) + 2)] : string.Empty;
        var containers = document.Descendants()
            .Where(e => e.Name.LocalName is "channel" or "item" or "entry" || (e.Name.LocalName == "feed" && e.Parent is null))
            .ToList();
        for (var c = 0; c < containers.Count; c++)
        {
            var children = containers[c].Elements().ToList();
            for (var i = 0; i < children.Count; i++)
            {
                var label = $"<{containers[c].Name.LocalName}> #{c} child <{children[i].Name.LocalName}> #{i}";
                yield return ($"duplicated {label}", Mutate(document, declaration, c, i, child => child.AddAfterSelf(new XElement(child))));
                yield return ($"deleted {label}", Mutate(document, declaration, c, i, child => child.Remove()));
            }
        }
    }

    private static string Mutate(XDocument original, string declaration, int container, int child, Action<XElement> change)
    {
        var copy = new XDocument(original);
        var target = copy.Descendants()
            .Where(e => e.Name.LocalName is "channel" or "item" or "entry" || (e.Name.LocalName == "feed" && e.Parent is null))
            .ElementAt(container).Elements().ElementAt(child);
        change(target);
        return declaration + copy.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Deletes each property of the feed and of every item, and duplicates each item.</summary>
    private static IEnumerable<(string, string)> JsonMutants(string text)
    {
        if (JsonNode.Parse(text) is not JsonObject feed)
        {
            yield break;
        }

        foreach (var property in feed.Select(p => p.Key).ToList())
        {
            var copy = (JsonObject)feed.DeepClone();
            copy.Remove(property);
            yield return ($"deleted feed \"{property}\"", copy.ToJsonString());
        }

        var items = feed["items"] as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var property in (items[i] as JsonObject)?.Select(p => p.Key).ToList() ?? [])
            {
                var copy = (JsonObject)feed.DeepClone();
                ((JsonObject)copy["items"]![i]!).Remove(property);
                yield return ($"deleted item #{i} \"{property}\"", copy.ToJsonString());
            }

            var duplicated = (JsonObject)feed.DeepClone();
            ((JsonArray)duplicated["items"]!).Insert(i, items[i]!.DeepClone());
            yield return ($"duplicated item #{i}", duplicated.ToJsonString());
        }
    }

    /// <summary>Inserts right after a random '&gt;' (so into element text, where the entity reader acts).</summary>
    private static string InsertInText(string text, string insert, Random random)
    {
        var start = random.Next(text.Length);
        var at = text.IndexOf('>', start);
        at = at < 0 ? text.IndexOf('>') : at;
        return at < 0 ? text.Insert(start, insert) : text.Insert(at + 1, insert);
    }

    private static string FlipByte(string text, Random random)
    {
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)(byte)(chars[at] ^ (1 << random.Next(8)));
        return new string(chars);
    }

    private static int RootEnd(string text)
    {
        var root = RootStart().Match(text);
        return root.Success ? text.IndexOf('>', root.Index) + 1 : -1;
    }

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.\-]*:)?(?:item|entry)(?=[\s/>])")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"""items""\s*:\s*\[\s*\{")]
    private static partial Regex JsonItem();

    [GeneratedRegex(@"<rss(?=[\s>])")]
    private static partial Regex RssRoot();

    [GeneratedRegex(@"<(?:rss|feed|rdf:RDF)(?=[\s>])")]
    private static partial Regex RootStart();

    [GeneratedRegex(@"^\s*<\?xml[^>]*?\bencoding\s*=\s*[""']([^""']*)[""']")]
    private static partial Regex EncodingDeclaration();
}
