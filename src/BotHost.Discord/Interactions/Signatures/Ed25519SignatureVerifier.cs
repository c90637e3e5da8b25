using System.Globalization;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BotHost.Discord.Interactions.Signatures;

/// <summary>
/// Verifies Ed25519 signatures with one public key. Signature input comes from the network, so every
/// malformed value (bad hex, wrong length, invalid point) yields <c>false</c> instead of an exception.
/// </summary>
public sealed class Ed25519SignatureVerifier
{
    private const int PublicKeySize = 32;
    private const int SignatureSize = 64;

    private readonly Ed25519PublicKeyParameters _publicKey;

    private Ed25519SignatureVerifier(Ed25519PublicKeyParameters publicKey) => _publicKey = publicKey;

    /// <summary>Creates a verifier from the 64-hex-digit key of the Developer Portal.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes of hex.</exception>
    public static Ed25519SignatureVerifier FromHex(string? publicKeyHex)
        => TryFromHex(publicKeyHex, out var verifier)
            ? verifier
            : throw new ArgumentException(
                "The Ed25519 public key must be 64 hexadecimal characters (Discord:InteractionsEndpoint:PublicKey, from the Developer Portal's General Information page).",
                nameof(publicKeyHex));

    public static bool TryFromHex(string? publicKeyHex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Ed25519SignatureVerifier? verifier)
    {
        verifier = null;
        Span<byte> key = stackalloc byte[PublicKeySize];
        if (!TryDecodeHex(publicKeyHex, key))
        {
            return false;
        }

        try
        {
            verifier = new Ed25519SignatureVerifier(new Ed25519PublicKeyParameters(key));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Verifies a hex signature over <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, string? signatureHex)
    {
        Span<byte> signature = stackalloc byte[SignatureSize];
        return TryDecodeHex(signatureHex, signature) && Verify(message, (ReadOnlySpan<byte>)signature);
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        var signer = new Ed25519Signer();
        signer.Init(forSigning: false, _publicKey);
        signer.BlockUpdate(message);
        try
        {
            return signer.VerifySignature(signature.ToArray());
        }
        catch (ArgumentException)
        {
            // BouncyCastle rejects some encodings (e.g. a non-canonical point) by throwing.
            return false;
        }
    }

    /// <summary>Decodes exactly <c>destination.Length</c> bytes of hex; anything else is a failure.</summary>
    private static bool TryDecodeHex(string? hex, Span<byte> destination)
    {
        if (hex is null || hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            if (!byte.TryParse(hex.AsSpan(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out destination[i]))
            {
                return false;
            }
        }

        return true;
    }
}
