using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Bridge;

/// <summary>The digest commands and buttons end to end: gateway interaction in, answers and channel messages out of the fake Discord.</summary>
public sealed class DigestCommandsTests
{
    [Fact]
    public async Task PreviewNowAndScheduledDigest_RenderIdentically()
    {
        await using var bot = await DiscordDigestHost.StartAsync();
        await bot.SubscribeAsync(88);
        var now = await bot.SubscribeAsync(89);

        var preview = new List<string> { Normalize(await bot.CommandAsync(88, "digest", """[{"name":"preview","type":1,"options":[]}]""", permissions: 0)) };
        var pager = (await bot.CommandAsync(88, "digest", """[{"name":"preview","type":1,"options":[]}]""", permissions: 0)).GetProperty("components");
        var pages = pager.GetArrayLength() == 0 ? 1 : int.Parse(pager[0].GetProperty("components")[1].GetProperty("label").GetString()!.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var page = 2; page <= pages; page++)
        {
            var subscription = (await bot.Services.GetRequiredService<SubscriptionStore>().ListForChannelAsync(new ChannelKey(DiscordDigestHost.Guild, 88), TestContext.Current.CancellationToken)).Single();
            preview.Add(Normalize(await bot.ClickAsync(88, $"dpv:{subscription.Id}:{page}")));
        }

        var ack = await bot.CommandAsync(89, "digest", """[{"name":"now","type":1,"options":[]}]""");
        await bot.DeliveredAsync(await bot.DeliveryIdAsync(now.Id));
        var scheduled = await bot.FireScheduledAsync(90);
        await bot.Services.GetRequiredService<BotHost.Core.Delivery.DeliveryDispatcher>().ScanAsync(TestContext.Current.CancellationToken);
        await bot.DeliveredAsync(await WaitForDeliveryAsync(bot, scheduled.Id));

        var posted = bot.MessagesIn(89).Select(m => Normalize(m.Json)).ToList();
        var fired = bot.MessagesIn(90).Select(m => Normalize(m.Json)).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"preview pages {preview.Count}, /digest now messages {posted.Count}, scheduled messages {fired.Count}");
        Assert.Contains("Posting **default** now", ack.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(posted.Count >= 2);
        Assert.Equal(posted, preview);
        Assert.Equal(posted, fired);
    }

    [Fact]
    public async Task Explain_NamesTheFilterThatDroppedTheAffiliateDisclosure_AndTheRankOfAStoryInTheNextDigest()
    {
        await using var bot = await DiscordDigestHost.StartAsync();
        await bot.SubscribeAsync(88, new SubscriptionRequest { Topics = "backend" });

        var dropped = (await bot.CommandAsync(88, "explain", """[{"name":"url","type":3,"value":"https://dev.to/sam/disclosure-affiliate-links-1a2b?utm_source=x"}]""", 0)).GetProperty("content").GetString()!;
        var kept = (await bot.CommandAsync(88, "explain", """[{"name":"url","type":3,"value":"https://www.sqlite-internals.example/wal-explained#top"}]""", 0)).GetProperty("content").GetString()!;

        TestContext.Current.TestOutputHelper?.WriteLine(dropped + "\n---\n" + kept);
        Assert.Contains("curation dropped it", dropped, StringComparison.Ordinal);
        Assert.Contains("dropped as **affiliate**", dropped, StringComparison.Ordinal);
        Assert.Contains("is only an affiliate-link disclosure", dropped, StringComparison.Ordinal);
        Assert.Contains("Hacker News", kept, StringComparison.Ordinal);
        Assert.Contains("Lobsters", kept, StringComparison.Ordinal);
        Assert.Contains("joined by", kept, StringComparison.Ordinal);
        Assert.Contains("backend (\"", kept, StringComparison.Ordinal);
        Assert.Contains("✓ Rank ", kept, StringComparison.Ordinal);
        Assert.Contains("recency", kept, StringComparison.Ordinal);
        Assert.Contains("next digest is due", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackButtons_RecordAVoteForAnyone_AndMuteOnlyWithManageChannels()
    {
        await using var bot = await DiscordDigestHost.StartAsync();
        var subscription = await bot.SubscribeAsync(88);
        await bot.CommandAsync(88, "digest", """[{"name":"now","type":1,"options":[]}]""");
        await bot.DeliveredAsync(await bot.DeliveryIdAsync(subscription.Id));
        var buttons = bot.MessagesIn(88)[0].Json["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]!.GetValue<string>()).ToList();

        var vote = (await bot.ClickAsync(88, buttons[0])).GetProperty("content").GetString()!;
        var refused = (await bot.ClickAsync(88, buttons[2], permissions: 0)).GetProperty("content").GetString()!;
        var muted = (await bot.ClickAsync(88, buttons[2], permissions: DiscordDigestHost.ManageChannels)).GetProperty("content").GetString()!;
        var stored = await bot.Services.GetRequiredService<SubscriptionStore>().GetAsync(subscription.Id, TestContext.Current.CancellationToken);

        Assert.StartsWith("Thanks, noted 👍", vote, StringComparison.Ordinal);
        Assert.Contains("Manage Channels", refused, StringComparison.Ordinal);
        Assert.StartsWith("Muted for **default**", muted, StringComparison.Ordinal);
        Assert.Single(stored!.MutedSources);
    }

    [Fact]
    public async Task Delivery_ToAChannelAnswering403_PausesThatSubscriptionWithTheReason_AndOtherChannelsGetTheirDigest()
    {
        await using var bot = await DiscordDigestHost.StartAsync();
        var lost = await bot.SubscribeAsync(88);
        var fine = await bot.SubscribeAsync(89);
        bot.Discord.Rest.Guilds.FailMessageCreate(88, 403, 50013);

        await bot.CommandAsync(88, "digest", """[{"name":"now","type":1,"options":[]}]""");
        await bot.CommandAsync(89, "digest", """[{"name":"now","type":1,"options":[]}]""");
        var lostStatus = await bot.DeliveredAsync(await bot.DeliveryIdAsync(lost.Id));
        var fineStatus = await bot.DeliveredAsync(await bot.DeliveryIdAsync(fine.Id));
        var store = bot.Services.GetRequiredService<SubscriptionStore>();
        var paused = await store.GetAsync(lost.Id, TestContext.Current.CancellationToken);
        var show = (await bot.CommandAsync(88, "subscription", """[{"name":"show","type":1,"options":[]}]""")).GetProperty("content").GetString();

        Assert.Equal(BotHost.Core.Delivery.DeliveryStatus.Failed, lostStatus);
        Assert.Equal(BotHost.Core.Delivery.DeliveryStatus.Sent, fineStatus);
        Assert.True(paused!.Paused);
        Assert.StartsWith("delivery failed: Discord refused with 403 (code 50013, Missing Permissions): the bot may no longer view this channel", paused.PausedReason, StringComparison.Ordinal);
        Assert.Contains("Paused: delivery failed: Discord refused with 403", show, StringComparison.Ordinal);
        Assert.Empty(bot.MessagesIn(88));
        Assert.NotEmpty(bot.MessagesIn(89));
        Assert.False((await store.GetAsync(fine.Id, TestContext.Current.CancellationToken))!.Paused);
    }

    private static async Task<long> WaitForDeliveryAsync(DiscordDigestHost bot, long subscriptionId)
    {
        // The Quartz job composes on its own thread; its delivery row appears when it has.
        await bot.Logs.WaitForAsync($"Digest of subscription {subscriptionId} ");
        return await bot.DeliveryIdAsync(subscriptionId);
    }

    // What a reader sees: the content and the embeds (buttons differ by design: feedback under posts, paging in the preview).
    private static string Normalize(JsonElement message) => Normalize(JsonNode.Parse(message.GetRawText())!.AsObject());

    private static string Normalize(JsonObject message)
    {
        var content = message["content"]?.GetValue<string>() ?? "";
        var embeds = message["embeds"]?.ToJsonString() ?? "[]";
        return content + "\n" + embeds;
    }
}
