using System.Text;

namespace BotHost.Core.Stories;

/// <summary>
/// FNV-1a 64-bit over UTF-8, plus a SplitMix64 finaliser. Hand-written because fingerprints are stored and
/// must match across processes and runtime versions, which <see cref="string.GetHashCode()"/> does not.
/// </summary>
internal static class Fnv1a64
{
    private const ulong OffsetBasis = 0xCBF29CE484222325;
    private const ulong Prime = 0x100000001B3;

    public static ulong Hash(string text)
    {
        var hash = OffsetBasis;
        var buffer = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        foreach (var b in buffer[..length])
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>SplitMix64's output function: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9;
        x ^= x >> 27;
        x *= 0x94D049BB133111EB;
        x ^= x >> 31;
        return x;
    }
}
