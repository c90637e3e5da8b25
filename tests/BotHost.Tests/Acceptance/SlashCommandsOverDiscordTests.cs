using BotHost.Core.Picks;
using BotHost.Core.Subscriptions;
using BotHost.Testing.FakeDiscord;
using static BotHost.Tests.Acceptance.DiscordHostFixture;
using static BotHost.Tests.Bridge.InteractionJson;

namespace BotHost.Tests.Acceptance;

/// <summary>Issue 10, acceptance 1 (the subscriptions side): whole host, interactions over the fake gateway, answers over the fake REST API.</summary>
public sealed class SlashCommandsOverDiscordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_ByAMemberWithManageChannels_StoresItAndAnswersPrivately_AndOneWithoutIsRefused()
    {
        await using var bot = await StartAsync();

        var refused = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", Options(Option("topics", "backend")), memberPermissions: 1 << 11));
        var countAfterRefusal = await bot.CountAsync("subscriptions");
        var subscribed = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", Options(Option("topics", "backend"), Option("timezone", "Europe/Berlin"))));

        Assert.Equal(4, refused.CallbackType);
        Assert.True(IsEphemeral(refused));
        Assert.StartsWith("You need the Manage Channels permission in <#88>", Content(refused), StringComparison.Ordinal);
        Assert.Equal(0, countAfterRefusal);
        Assert.Equal(4, subscribed.CallbackType);
        Assert.True(IsEphemeral(subscribed));
        Assert.StartsWith("Subscribed <#88>.\n**default** in <#88>: daily at 09:00 (Europe/Berlin)", Content(subscribed), StringComparison.Ordinal);
        Assert.Contains("Next delivery: ", Content(subscribed), StringComparison.Ordinal);
        var stored = Assert.Single(await bot.Get<SubscriptionStore>().ListForGuildAsync(Guild, Ct));
        Assert.Equal((new ChannelKey(Guild, Channel), "Europe/Berlin"), (stored.Channel, stored.TimeZone));
        Assert.Equal(["backend"], stored.Topics);
    }

    [Fact]
    public async Task Subscribe_WhenTheGuildOverrodeTheDefaultPermission_IsStillRefusedWithoutTheBit()
    {
        await using var bot = await StartAsync();

        // A guild may let everyone see /subscribe in its settings; Discord then delivers the invocation of a member
        // whose permission set lacks MANAGE_CHANNELS, and only the server-side check stands in the way.
        var refused = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", memberPermissions: (1 << 10) | (1 << 11) | (1 << 6)));
        var unsubscribe = await bot.InteractAsync((id, token) => Slash(id, token, "unsubscribe", memberPermissions: 1 << 10));

        Assert.True(IsEphemeral(refused));
        Assert.StartsWith("You need the Manage Channels permission", Content(refused), StringComparison.Ordinal);
        Assert.StartsWith("You need the Manage Channels permission", Content(unsubscribe), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("subscriptions"));
    }

    [Fact]
    public async Task Subscribe_WhereTheBotLacksSendMessagesOrEmbedLinks_IsRefusedPrivatelyAndStoresNothing()
    {
        await using var bot = await StartAsync();

        // Issue 12, acceptance 3: app_permissions is the bot's own permission set in the channel.
        var noEmbeds = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", appPermissions: (1 << 10) | (1 << 11)));
        var noSend = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", appPermissions: (1 << 10) | (1 << 14)));

        Assert.True(IsEphemeral(noEmbeds));
        Assert.True(IsEphemeral(noSend));
        Assert.Equal("I can't post in <#88>: I'm missing Embed Links — ask an admin to allow them.", Content(noEmbeds));
        Assert.Equal("I can't post in <#88>: I'm missing Send Messages — ask an admin to allow them.", Content(noSend));
        Assert.Equal(0, await bot.CountAsync("subscriptions"));
    }

    [Fact]
    public async Task Subscribe_InAThreadWhoseParentDeniesTheBotSendMessagesInThreads_IsRefusedAndStoresNothing()
    {
        await using var bot = await StartAsync();
        var guilds = bot.Discord.Rest.Guilds;
        guilds.AddGuild(Guild, ownerId: 5, everyonePermissions: (1 << 10) | (1 << 11) | (1 << 14) | (1UL << 38));
        guilds.AddChannel(Channel, Guild, "digests", overwrites: FakeOverwrite.Role(Guild, deny: 1UL << 38));
        guilds.AddChannel(91, Guild, "weekly", type: 11, parentId: Channel);

        // The fake computes app_permissions from the parent's overwrites and says the channel is a thread: Send Messages
        // is not what a thread needs.
        var answer = await bot.Discord.UseSlashCommandAsync(Guild, 91, 5, "subscribe", cancellationToken: Ct);

        Assert.Equal("I can't post in <#91>: I'm missing Send Messages in Threads — ask an admin to allow them.", answer);
        Assert.Equal(0, await bot.CountAsync("subscriptions"));
    }

    [Fact]
    public async Task Search_FindsAStoryByAWordInItsSummary()
    {
        await using var bot = await StartAsync();

        var found = await bot.InteractAsync((id, token) => Slash(id, token, "search", Options(Option("query", "chaotic"))));

        Assert.Equal(4, found.CallbackType);
        Assert.True(IsEphemeral(found));
        Assert.StartsWith("**1 story matches**\n1. **[Shipping 12,000+ Lines Across 6 Systems in 19 Days", Content(found), StringComparison.Ordinal);
        Assert.Equal("Share in channel", Data(found).GetProperty("components")[0].GetProperty("components")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Autocomplete_OfTheTimezoneOption_ReturnsMatchingZones()
    {
        await using var bot = await StartAsync();

        var choices = await bot.InteractAsync((id, token) => Slash(id, token, "subscribe", Options(Option("timezone", "new_y", focused: true)), type: 4));

        Assert.Equal(8, choices.CallbackType);
        var names = Data(choices).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal("America/New_York", names[0]);
        Assert.All(names, n => Assert.Contains("New_York", n, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Share_OfATrackedLinkTheHackerNewsFeedBroughtIn_AnswersAlreadyCollectedAndMarksAPick()
    {
        await using var bot = await StartAsync();

        var deferred = await bot.InteractAsync((id, token) => Slash(id, token, "share",
            Options(Option("url", "https://news.ycombinator.com/item?id=46100004&utm_source=twitter&utm_medium=social&fbclid=IwAR0x"), Option("note", "good thread"))));
        var answer = await bot.EditOfAsync(deferred);

        Assert.Equal(5, deferred.CallbackType);
        Assert.True(IsEphemeral(deferred));
        Assert.Matches(@"^Already collected from Hacker News on \d{4}-\d\d-\d\d: \*\*Ask HN: How do you run scheduled jobs", Content(answer));
        Assert.EndsWith("Marked as a pick for the next digest here (picked by ada).", Content(answer), StringComparison.Ordinal);
        var pick = Assert.Single(await bot.Get<CuratorPickStore>().PicksForChannelAsync(new ChannelKey(Guild, Channel), DateTimeOffset.MinValue, Ct));
        Assert.Equal(("ada", "good thread"), (pick.PickedByName, pick.Note));
    }
}
