using System.Text;

namespace BotHost.Core.Stories;

/// <summary>
/// RFC 3986 section 6.2.2.2 normalisation: escapes of unreserved characters are decoded, other escapes get
/// upper-case hex, and characters that may not appear raw in a URL are escaped as UTF-8.
/// </summary>
internal static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Normalize(string component)
    {
        var sb = new StringBuilder(component.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%')
            {
                if (i + 2 < component.Length && TryHex(component[i + 1], component[i + 2], out var b))
                {
                    if (IsUnreserved((char)b))
                    {
                        sb.Append((char)b);
                    }
                    else
                    {
                        AppendEscape(sb, b);
                    }

                    i += 2;
                }
                else
                {
                    // A stray '%' is data, not an escape; browsers send it as %25.
                    sb.Append("%25");
                }
            }
            else if (c < 0x80 && !MustEscape(c))
            {
                sb.Append(c);
            }
            else
            {
                var rune = Rune.DecodeFromUtf16(component.AsSpan(i), out var r, out var used) == System.Buffers.OperationStatus.Done
                    ? r
                    : Rune.ReplacementChar;
                var n = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..n])
                {
                    AppendEscape(sb, b);
                }

                i += Math.Max(used, 1) - 1;
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes every escape (UTF-8) and, for form-encoded values, '+' as a space.</summary>
    public static string Decode(string value, bool plusIsSpace)
    {
        var text = plusIsSpace ? value.Replace('+', ' ') : value;
        return Uri.UnescapeDataString(text);
    }

    private static bool IsUnreserved(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    // Space, quotes, angle brackets, backtick and braces are never valid raw in a URL (RFC 3986 section 2);
    // WHATWG's path percent-encode set escapes the same characters.
    private static bool MustEscape(char c) => c <= ' ' || c is '"' or '<' or '>' or '`' or '{' or '}' or (char)0x7F;

    private static void AppendEscape(StringBuilder sb, int b) =>
        sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);

    private static bool TryHex(char hi, char lo, out int value)
    {
        value = 0;
        if (!char.IsAsciiHexDigit(hi) || !char.IsAsciiHexDigit(lo))
        {
            return false;
        }

        value = (HexValue(hi) << 4) | HexValue(lo);
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
