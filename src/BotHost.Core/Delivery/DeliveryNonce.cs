using System.Security.Cryptography;
using System.Text;

namespace BotHost.Core.Delivery;

/// <summary>
/// The nonce of one part: derived from the delivery row (id and creation time) and the part index, so every
/// retry of the part carries the same nonce and Discord, with enforce_nonce, returns the first message instead
/// of posting again. 25 characters (Discord's limit), starting with a letter so it is never read as a number.
/// </summary>
public static class DeliveryNonce
{
    public const int Length = 25;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string For(long deliveryId, DateTimeOffset createdAt, int partIndex)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"digest-delivery:{deliveryId}:{createdAt.ToUnixTimeMilliseconds()}:{partIndex}")), hash);
        Span<char> chars = stackalloc char[Length];
        chars[0] = 'd';
        for (var i = 1; i < Length; i++)
        {
            var bit = (i - 1) * 5;
            var word = (hash[bit / 8] << 8) | hash[(bit / 8) + 1];
            chars[i] = Alphabet[(word >> (11 - (bit % 8))) & 31];
        }

        return new string(chars);
    }
}
