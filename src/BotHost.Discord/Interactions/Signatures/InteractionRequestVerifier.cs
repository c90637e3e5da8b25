using System.Buffers;
using System.Globalization;
using System.Text;

namespace BotHost.Discord.Interactions.Signatures;

/// <summary>
/// Checks Discord's request signature: Ed25519 over UTF-8(X-Signature-Timestamp) followed by the raw body
/// (FACTS §6). Also rejects timestamps outside the skew window; Discord does not require that, it only
/// narrows the replay window of a captured request.
/// </summary>
public sealed class InteractionRequestVerifier(Ed25519SignatureVerifier verifier, TimeProvider time, TimeSpan maxClockSkew)
{
    // A Unix-seconds timestamp is at most 20 digits; a longer header is rejected before allocation.
    private const int MaxTimestampLength = 20;

    public SignatureVerdict Verify(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureHex))
        {
            return SignatureVerdict.MissingHeaders;
        }

        if (timestamp.Length > MaxTimestampLength
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
        {
            return SignatureVerdict.MalformedTimestamp;
        }

        var nowSeconds = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs((decimal)nowSeconds - unixSeconds) > (decimal)maxClockSkew.TotalSeconds)
        {
            return SignatureVerdict.StaleTimestamp;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            var written = Encoding.UTF8.GetBytes(timestamp, buffer);
            body.CopyTo(buffer.AsSpan(written));
            return verifier.Verify(buffer.AsSpan(0, written + body.Length), signatureHex)
                ? SignatureVerdict.Valid
                : SignatureVerdict.BadSignature;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
