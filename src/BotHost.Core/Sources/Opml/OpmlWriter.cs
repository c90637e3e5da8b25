using System.Globalization;
using System.Text;
using System.Xml;

namespace BotHost.Core.Sources.Opml;

/// <summary>
/// Writes sources as OPML 2.0, the list every feed reader imports: one <c>type="rss"</c> outline per web feed, its topics
/// in <c>category</c>, and weight and interval as <c>bothost:</c> attributes other readers ignore and BotHost reads back.
/// Sources that are local files (the offline samples) are not web feeds and are left out.
/// </summary>
public static class OpmlWriter
{
    /// <returns>The sources left out because they are not http(s) feeds.</returns>
    public static IReadOnlyList<SourceDefinition> Write(IEnumerable<SourceDefinition> sources, Stream output, DateTimeOffset now)
    {
        var skipped = new List<SourceDefinition>();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "bothost", null, OpmlReader.BotHostNamespace);
        xml.WriteStartElement("head");
        xml.WriteElementString("title", "BotHost sources");
        xml.WriteElementString("dateCreated", now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        foreach (var source in sources)
        {
            if (!Uri.TryCreate(source.Location, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                skipped.Add(source);
                continue;
            }

            xml.WriteStartElement("outline");
            xml.WriteAttributeString("type", "rss");
            xml.WriteAttributeString("text", source.Name);
            xml.WriteAttributeString("title", source.Name);
            xml.WriteAttributeString("xmlUrl", source.Location);
            if (source.Topics.Count > 0)
            {
                xml.WriteAttributeString("category", string.Join(',', source.Topics));
            }

            xml.WriteAttributeString("weight", OpmlReader.BotHostNamespace, source.Weight.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("intervalMinutes", OpmlReader.BotHostNamespace, ((int)source.Interval.TotalMinutes).ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        return skipped;
    }
}
