namespace BotHost.Core.Feeds;

/// <summary>
/// Replaces C0 control characters that XML 1.0 forbids (everything below U+0020 except tab, LF and CR) with
/// spaces: feeds pasted from word processors carry them, and XmlReader rejects them even with CheckCharacters off.
/// </summary>
internal sealed class XmlCharFilterReader(TextReader inner) : TextReader
{
    public override int Peek() => Clean(inner.Peek());

    public override int Read() => Clean(inner.Read());

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        var chunk = buffer[..read];
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i] < ' ' && chunk[i] is not ('\t' or '\n' or '\r'))
            {
                chunk[i] = ' ';
            }
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int Clean(int c) => c is >= 0 and < ' ' and not ('\t' or '\n' or '\r') ? ' ' : c;
}
