using BotHost.Discord.Interactions.Signatures;
using Org.BouncyCastle.Crypto.Parameters;

namespace BotHost.Discord.Tests.Interactions;

public sealed class Ed25519SignatureVerifierTests
{
    // RFC 8032 §7.1, TEST 1-3: secret key, public key, message, signature (hex).
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_WithRfc8032Vector_AcceptsSignature(string secretKey, string publicKey, string message, string signature)
    {
        var verifier = Ed25519SignatureVerifier.FromHex(publicKey);

        var valid = verifier.Verify(Convert.FromHexString(message), signature);

        Assert.True(valid);
        // The vector's public key really belongs to its secret key (guards against a mistyped vector).
        Assert.Equal(publicKey, Convert.ToHexStringLower(new Ed25519PrivateKeyParameters(Convert.FromHexString(secretKey)).GeneratePublicKey().GetEncoded()));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_WhenSignatureBitFlipped_Rejects(string secretKey, string publicKey, string message, string signature)
    {
        _ = secretKey;
        var verifier = Ed25519SignatureVerifier.FromHex(publicKey);
        var forged = Convert.FromHexString(signature);
        forged[10] ^= 0x01;

        var valid = verifier.Verify(Convert.FromHexString(message), Convert.ToHexStringLower(forged));

        Assert.False(valid);
    }

    [Fact]
    public void Verify_WhenMessageChanged_Rejects()
    {
        var (_, publicKey, _, signature) = Vector(1);
        var verifier = Ed25519SignatureVerifier.FromHex(publicKey);

        var valid = verifier.Verify([0x73], signature);

        Assert.False(valid);
    }

    [Fact]
    public void Verify_WithAnotherVectorsKey_Rejects()
    {
        var (_, _, message, signature) = Vector(1);
        var (_, otherKey, _, _) = Vector(2);
        var verifier = Ed25519SignatureVerifier.FromHex(otherKey);

        var valid = verifier.Verify(Convert.FromHexString(message), signature);

        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("abcd")]
    [InlineData("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c0")]
    [InlineData("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00ff")]
    [InlineData("g2a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("+2a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Verify_WithMalformedSignatureHex_ReturnsFalseWithoutThrowing(string? signature)
    {
        var (_, publicKey, message, _) = Vector(1);
        var verifier = Ed25519SignatureVerifier.FromHex(publicKey);

        var valid = verifier.Verify(Convert.FromHexString(message), signature);

        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3d4017c3")]
    [InlineData("xx4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    public void TryFromHex_WithMalformedKey_ReturnsFalse(string? publicKey)
    {
        var created = Ed25519SignatureVerifier.TryFromHex(publicKey, out var verifier);

        Assert.False(created);
        Assert.Null(verifier);
    }

    [Fact]
    public void FromHex_WithMalformedKey_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Ed25519SignatureVerifier.FromHex("not-a-key"));

        Assert.Contains("Discord:InteractionsEndpoint:PublicKey", error.Message, StringComparison.Ordinal);
    }

    private static (string Secret, string Public, string Message, string Signature) Vector(int index)
    {
        return Rfc8032Vectors.ElementAt(index).Data;
    }
}
