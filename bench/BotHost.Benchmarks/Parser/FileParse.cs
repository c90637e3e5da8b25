using System.ServiceModel.Syndication;
using System.Xml;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// Whole-process runs of the baselines for the peak-memory column: each reads a feed file the way it would
/// stream one (an XmlReader over the file), as inspect-feed does for BotHost.
/// </summary>
public static class FileParse
{
    public const string Verb = "parse-file";

    public static int Run(string contender, string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var items = 0;
        switch (contender)
        {
            case "syndication":
                items = SyndicationFeed.Load(reader).Items.Count();
                break;
            case "raw_xmlreader":
                while (reader.Read())
                {
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    {
                        _ = reader.Value;
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry")
                    {
                        items++;
                    }
                }

                break;
            default:
                Console.Error.WriteLine($"unknown contender '{contender}'");
                return 2;
        }

        Console.WriteLine(items);
        return 0;
    }
}
