namespace BotHost.Core.Feeds.Parsing;

/// <summary>What <see cref="XmlTextRepairReader"/> changed in a document, so the parse can report each repair.</summary>
internal sealed class TextRepairs
{
    private const int MaxExamples = 3;

    private readonly List<string> _htmlEntities = [];
    private readonly List<string> _unknownEntities = [];

    public int ControlCharacters { get; set; }

    public int BareAmpersands { get; set; }

    public int BareLessThan { get; set; }

    public int HtmlEntities { get; private set; }

    public int UnknownEntities { get; private set; }

    public void AddHtmlEntity(string reference)
    {
        HtmlEntities++;
        AddExample(_htmlEntities, reference);
    }

    public void AddUnknownEntity(string reference)
    {
        UnknownEntities++;
        AddExample(_unknownEntities, reference);
    }

    /// <summary>One line per kind of repair; HTML entity names are not reported when a DTD may define them (RSS 0.91 names the Netscape DTD).</summary>
    public IEnumerable<string> Describe(bool htmlEntitiesMayBeDeclared)
    {
        if (BareAmpersands > 0)
        {
            yield return $"Escaped {BareAmpersands} bare '&' that started no entity reference (XML requires &amp;).";
        }

        if (BareLessThan > 0)
        {
            yield return $"Escaped {BareLessThan} '<' that started no markup (XML requires &lt;).";
        }

        if (ControlCharacters > 0)
        {
            yield return $"Replaced {ControlCharacters} control character(s) XML does not allow with spaces.";
        }

        if (UnknownEntities > 0)
        {
            yield return $"Kept {UnknownEntities} reference(s) to entities no one defines as literal text ({string.Join(", ", _unknownEntities)}).";
        }

        if (HtmlEntities > 0 && !htmlEntitiesMayBeDeclared)
        {
            yield return $"Read {HtmlEntities} HTML named entit{(HtmlEntities == 1 ? "y" : "ies")} that XML does not define as the characters HTML gives them ({string.Join(", ", _htmlEntities)}).";
        }
    }

    private static void AddExample(List<string> examples, string reference)
    {
        if (examples.Count < MaxExamples && !examples.Contains(reference))
        {
            examples.Add(reference);
        }
    }
}
