namespace BotHost.Core.Feeds.Parsing;

/// <summary>Reads a string from an offset on, without copying the rest of it.</summary>
internal sealed class StringSliceReader(string text, int start) : TextReader
{
    private int _position = start;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, text.Length - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
