using System.Globalization;
using System.Text;
using BotHost.Discord.Interactions.Signatures;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionRequestVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1}""");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeInteractionSigner _signer = new();

    [Fact]
    public void Verify_WithFreshTimestampAndValidSignature_IsValid()
    {
        var timestamp = Now();

        var verdict = Verifier().Verify(timestamp, _signer.Sign(timestamp, Body), Body);

        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Verify_WhenTimestampOlderThanSkew_IsStale()
    {
        var timestamp = Now();
        var signature = _signer.Sign(timestamp, Body);
        _time.Advance(TimeSpan.FromSeconds(301));

        var verdict = Verifier().Verify(timestamp, signature, Body);

        Assert.Equal(SignatureVerdict.StaleTimestamp, verdict);
    }

    [Fact]
    public void Verify_WhenTimestampExactlyAtSkew_IsValid()
    {
        var timestamp = Now();
        var signature = _signer.Sign(timestamp, Body);
        _time.Advance(TimeSpan.FromSeconds(300));

        var verdict = Verifier().Verify(timestamp, signature, Body);

        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Verify_WhenBodyDiffersFromSignedBody_IsBadSignature()
    {
        var timestamp = Now();
        var signature = _signer.Sign(timestamp, Body);

        var verdict = Verifier().Verify(timestamp, signature, Encoding.UTF8.GetBytes("""{"type":2}"""));

        Assert.Equal(SignatureVerdict.BadSignature, verdict);
    }

    [Fact]
    public void Verify_WhenTimestampDiffersFromSignedTimestamp_IsBadSignature()
    {
        var timestamp = Now();
        var signature = _signer.Sign(timestamp, Body);

        var verdict = Verifier().Verify((long.Parse(timestamp, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture), signature, Body);

        Assert.Equal(SignatureVerdict.BadSignature, verdict);
    }

    [Fact]
    public void Verify_WhenSignedByAnotherKey_IsBadSignature()
    {
        var timestamp = Now();
        var signature = new FakeInteractionSigner(seed: 9).Sign(timestamp, Body);

        var verdict = Verifier().Verify(timestamp, signature, Body);

        Assert.Equal(SignatureVerdict.BadSignature, verdict);
    }

    [Theory]
    [InlineData(null, "00")]
    [InlineData("1764072000", null)]
    [InlineData("", "")]
    public void Verify_WhenHeaderMissing_IsMissingHeaders(string? timestamp, string? signature)
    {
        var verdict = Verifier().Verify(timestamp, signature, Body);

        Assert.Equal(SignatureVerdict.MissingHeaders, verdict);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1764072000")]
    [InlineData("1764072000.5")]
    [InlineData("999999999999999999999999")]
    public void Verify_WhenTimestampNotUnixSeconds_IsMalformed(string timestamp)
    {
        var verdict = Verifier().Verify(timestamp, _signer.Sign(timestamp, Body), Body);

        Assert.Equal(SignatureVerdict.MalformedTimestamp, verdict);
    }

    private string Now() => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private InteractionRequestVerifier Verifier()
        => new(Ed25519SignatureVerifier.FromHex(_signer.PublicKeyHex), _time, TimeSpan.FromSeconds(300));
}
