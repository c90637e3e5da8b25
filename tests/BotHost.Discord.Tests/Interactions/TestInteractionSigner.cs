using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Plays Discord's side of request signing with a fixed test key.</summary>
internal sealed class TestInteractionSigner
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public TestInteractionSigner(byte seed = 7)
    {
        var secret = new byte[32];
        Array.Fill(secret, seed);
        _privateKey = new Ed25519PrivateKeyParameters(secret);
        PublicKeyHex = Convert.ToHexStringLower(_privateKey.GeneratePublicKey().GetEncoded());
    }

    public string PublicKeyHex { get; }

    public string Sign(string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
