using System.Buffers;
using System.Runtime.CompilerServices;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Builds text with whitespace collapsed as it is appended: runs of white space (and C0 controls, and zero-width
/// spaces) become one space, none leads or trails. Starts in a caller's stack buffer and rents when it outgrows it.
/// </summary>
internal ref struct CollapsedText(Span<char> initial)
{
    private Span<char> _buffer = initial;
    private char[]? _rented;
    private bool _pendingSpace;

    public int Length { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public void Append(scoped ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // Copy each run of word characters at once; only the spaces between runs are looked at one by one.
            var space = text.IndexOfAny(HtmlText.Spaces);
            var run = space < 0 ? text : text[..space];
            if (!run.IsEmpty)
            {
                if (_pendingSpace)
                {
                    Put(" ");
                    _pendingSpace = false;
                }

                Put(run);
            }

            if (space < 0)
            {
                return;
            }

            _pendingSpace = Length > 0;
            text = text[(space + 1)..];
        }
    }

    public override readonly string ToString() => _buffer[..Length].ToString();

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Put(scoped ReadOnlySpan<char> run)
    {
        if (Length + run.Length > _buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(Length + run.Length, _buffer.Length * 2));
            _buffer[..Length].CopyTo(larger);
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
            }

            _rented = larger;
            _buffer = larger;
        }

        run.CopyTo(_buffer[Length..]);
        Length += run.Length;
    }
}
