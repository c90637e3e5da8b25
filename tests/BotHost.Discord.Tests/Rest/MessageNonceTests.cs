using BotHost.Discord.Models;

namespace BotHost.Discord.Tests.Rest;

public sealed class MessageNonceTests
{
    [Fact]
    public void FromStableKey_ForTheSameKey_ReturnsTheSameNonceOfAtMost25Chars()
    {
        var first = MessageNonce.FromStableKey("outbox:42");

        var second = MessageNonce.FromStableKey("outbox:42");

        Assert.Equal(first, second);
        Assert.InRange(first.Length, 1, DiscordLimits.NonceLength);
    }

    [Fact]
    public void FromStableKey_ForDifferentKeys_ReturnsDifferentNonces()
    {
        var nonces = Enumerable.Range(0, 1000).Select(i => MessageNonce.FromStableKey($"outbox:{i}")).ToHashSet();

        Assert.Equal(1000, nonces.Count);
    }
}
