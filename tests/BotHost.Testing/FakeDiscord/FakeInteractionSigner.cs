using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Signs interaction requests the way Discord does for an HTTP interactions endpoint (Ed25519 over timestamp + raw
/// body, FACTS §6), with a fixed test key whose public half goes into Discord:InteractionsEndpoint:PublicKey.
/// </summary>
public sealed class FakeInteractionSigner
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public FakeInteractionSigner(byte seed = 7)
    {
        var secret = new byte[32];
        Array.Fill(secret, seed);
        _privateKey = new Ed25519PrivateKeyParameters(secret);
        PublicKeyHex = Convert.ToHexStringLower(_privateKey.GeneratePublicKey().GetEncoded());
    }

    public string PublicKeyHex { get; }

    /// <summary>The X-Signature-Ed25519 value (hex) for this timestamp and body.</summary>
    public string Sign(string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
