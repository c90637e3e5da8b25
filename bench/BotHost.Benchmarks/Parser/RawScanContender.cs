using System.Text.Json;
using System.Xml;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// The floor: an XmlReader that visits every node and reads the value of every text node, with no feed logic at
/// all (for JSON Feed, a Utf8JsonReader that reads every string). Counts item elements so it reports items too.
/// </summary>
public sealed class RawScanContender : FeedContender
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };

    public override string Name => "raw XmlReader scan";

    public override string Key => "raw_xmlreader";

    public override bool Reads(CorpusFormat format) => true;

    public override int Parse(byte[] document, CorpusFormat format) =>
        format == CorpusFormat.JsonFeed ? ScanJson(document) : ScanXml(document);

    private static int ScanXml(byte[] document)
    {
        using var reader = XmlReader.Create(new MemoryStream(document, writable: false), Settings);
        var items = 0;
        var characters = 0L;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName is "item" or "entry":
                    items++;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    characters += reader.Value.Length;
                    break;
            }
        }

        return characters >= 0 ? items : -1;
    }

    private static int ScanJson(byte[] document)
    {
        var reader = new Utf8JsonReader(document);
        var items = 0;
        var characters = 0L;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                items++;
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                characters += reader.GetString()!.Length;
            }
        }

        return characters >= 0 ? items : -1;
    }
}
