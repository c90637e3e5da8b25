using System.Security.Cryptography;
using System.Text;

namespace BotHost.Discord.Models;

/// <summary>
/// Derives a Discord nonce (≤ 25 chars) from a stable key such as an outbox row id, so every retry of
/// the same delivery carries the same nonce and, with enforce_nonce, Discord returns the first message.
/// </summary>
public static class MessageNonce
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>"n" + 24 base32 characters of SHA-256(key): 25 chars, never all digits, same key → same nonce.</summary>
    public static string FromStableKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        Span<char> chars = stackalloc char[DiscordLimits.NonceLength];
        chars[0] = 'n';
        for (var i = 1; i < chars.Length; i++)
        {
            // 24 chars × 5 bits = 120 bits from the first 15 bytes of the hash.
            var bit = (i - 1) * 5;
            var word = (hash[bit / 8] << 8) | hash[(bit / 8) + 1];
            chars[i] = Alphabet[(word >> (11 - (bit % 8))) & 31];
        }

        return new string(chars);
    }
}
