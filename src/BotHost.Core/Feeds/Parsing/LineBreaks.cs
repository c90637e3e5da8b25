namespace BotHost.Core.Feeds.Parsing;

/// <summary>Line arithmetic as XmlReader counts lines (CR LF, CR and LF each end one), to map its positions back to offsets.</summary>
internal static class LineBreaks
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The offset in <paramref name="text"/>, from <paramref name="start"/>, of a 1-based line and column; the end of the text if past it.</summary>
    public static int OffsetOf(string text, int start, int line, int column)
    {
        var offset = start;
        for (var current = 1; current < line && offset < text.Length; offset++)
        {
            if (text[offset] == '\n' || (text[offset] == '\r' && (offset + 1 == text.Length || text[offset + 1] != '\n')))
            {
                current++;
            }
        }

        return Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }
}
