using BotHost.Core.Delivery;

namespace BotHost.Tests.Bridge;

/// <summary>
/// Discord stores a digest message but its answer never arrives, and Discord's nonce no longer dedupes (the fake's
/// window is zero): only the sender's search by marker stands between the bot and a second copy.
/// </summary>
public sealed class DigestDeliveryFaultTests
{
    private static readonly Dictionary<string, string?> NoNonceHelp = new()
    {
        ["Delivery:NonceWindowSeconds"] = "0",
        ["Delivery:RetryBaseSeconds"] = "1",
        ["Delivery:ScanIntervalSeconds"] = "1",
        ["Discord:Rest:MaxRetries"] = "0",
    };

    [Theory]
    [InlineData("dropped")]
    [InlineData("502")]
    public async Task Delivery_WhenTheAnswerIsLostAfterDiscordStoredTheMessage_FindsItByMarkerAndPostsNothingTwice(string fault)
    {
        await using var bot = await DiscordDigestHost.StartAsync(NoNonceHelp);
        bot.Discord.Rest.Options.NonceWindow = TimeSpan.Zero;
        var subscription = await bot.SubscribeAsync(88);
        if (fault == "dropped")
        {
            bot.Discord.Rest.Faults.DropAfterCommitNext(1, "/channels/88/messages");
        }
        else
        {
            bot.Discord.Rest.Faults.FailAfterCommitNext(1, 502, "/channels/88/messages");
        }

        await bot.CommandAsync(88, "digest", """[{"name":"now","type":1,"options":[]}]""");
        var status = await bot.DeliveredAsync(await bot.DeliveryIdAsync(subscription.Id));

        var messages = bot.MessagesIn(88);
        var searches = bot.Discord.Rest.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/channels/88/messages", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault}: {messages.Count} messages in the channel, {searches} searches");
        Assert.Equal(DeliveryStatus.Sent, status);
        Assert.Equal(2, messages.Count);
        Assert.Equal(2, messages.Select(m => m.Json["embeds"]!.AsArray()[^1]!["footer"]!["text"]!.GetValue<string>()).Distinct().Count());
        Assert.True(searches >= 1);
    }
}
