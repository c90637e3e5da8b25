namespace BotHost.Core.Feeds.Parsing;

/// <summary>How to turn a field's text, as the XML or JSON reader returns it, into plain text.</summary>
internal enum TextKind
{
    /// <summary>Literal text (Atom type="text", JSON Feed content_text, xhtml already reduced to text): markup-looking text stays.</summary>
    Text,

    /// <summary>HTML (RSS description, content:encoded, Atom type="html", content_html): tags go, entities are decoded.</summary>
    Html,

    /// <summary>
    /// Text that publishers often escape as HTML once or twice (RSS and JSON Feed titles, categories): entities are
    /// decoded, and only what is plainly markup (a known HTML element, paired or with attributes) is removed.
    /// </summary>
    LooseText,
}
