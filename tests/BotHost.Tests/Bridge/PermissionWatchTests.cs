using BotHost.Cli;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Bridge;

/// <summary>
/// Issue 12: gateway events that take a channel from the bot pause its subscriptions with the reason, the whole host
/// against the fake Discord (its guild state changes first, then the event arrives, as on Discord).
/// </summary>
public sealed class PermissionWatchTests
{
    private const ulong Guild = DiscordDigestHost.Guild;
    private const ulong Owner = 5;
    private const ulong Digests = 88;
    private const ulong News = 89;
    private const ulong Thread = 90;
    private const ulong View = 1 << 10;
    private const ulong Send = 1 << 11;
    private const ulong Embed = 1 << 14;
    private const ulong SendInThreads = 1UL << 38;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RoleUpdate_TakingSendMessages_PausesTheChannelsItTookWithTheReason_AndAChannelThatStillAllowsTheBotGetsItsDigest()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        var news = await bot.SubscribeAsync(News);
        // #news allows the bot itself to post, whatever its role says.
        bot.Discord.Rest.Guilds.SetOverwrites(News, FakeOverwrite.Member(bot.Discord.Rest.Options.ApplicationId, allow: Send | Embed));

        bot.Discord.Rest.Guilds.SetRolePermissions(Guild, FakeRestApi.BotRoleId, View | Embed);
        await bot.Discord.Gateway.SendDispatchAsync("GUILD_ROLE_UPDATE", $$$"""{"guild_id":"{{{Guild}}}","role":{"id":"{{{FakeRestApi.BotRoleId}}}","name":"BotHost","permissions":"{{{View | Embed}}}","position":1}}""");
        await bot.Logs.WaitForAsync("Permission watch: GUILD_ROLE_UPDATE in guild 77 re-checked 2 subscribed channels, paused 1 subscriptions");
        var show = await bot.Discord.UseSlashCommandAsync(Guild, Digests, Owner, "subscription", "show", cancellationToken: Ct);
        var delivered = await DigestNowAsync(bot, News, news.Id);

        Assert.Equal("the bot is missing Send Messages here since a role changed; allow it for the bot, then /subscription resume", (await StoredAsync(bot, digests.Id)).PausedReason);
        Assert.False((await StoredAsync(bot, news.Id)).Paused);
        Assert.EndsWith("Paused: the bot is missing Send Messages here since a role changed; allow it for the bot, then /subscription resume (/subscription resume)", show, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, delivered);
        Assert.NotEmpty(bot.MessagesIn(News));
    }

    [Fact]
    public async Task ChannelUpdate_DenyingTheBot_PausesThatChannelAndTheThreadsUnderIt_NotOtherChannels()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        var thread = await bot.SubscribeAsync(Thread);
        var news = await bot.SubscribeAsync(News);

        bot.Discord.Rest.Guilds.SetOverwrites(Digests, FakeOverwrite.Role(FakeRestApi.BotRoleId, deny: Send | SendInThreads));
        await bot.Discord.Gateway.SendDispatchAsync("CHANNEL_UPDATE", bot.Discord.Rest.Guilds.ChannelJson(Digests));
        await bot.Logs.WaitForAsync("Permission watch: CHANNEL_UPDATE in guild 77 re-checked 2 subscribed channels, paused 2 subscriptions");

        Assert.Equal("the bot is missing Send Messages here since the channel's permissions changed; allow it for the bot, then /subscription resume",
            (await StoredAsync(bot, digests.Id)).PausedReason);
        Assert.Equal("the bot is missing Send Messages in Threads here since the channel's permissions changed; allow it for the bot, then /subscription resume",
            (await StoredAsync(bot, thread.Id)).PausedReason);
        Assert.False((await StoredAsync(bot, news.Id)).Paused);
    }

    [Fact]
    public async Task ChannelAndThreadDeletes_PauseTheirSubscriptions_AndNoOther()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        var thread = await bot.SubscribeAsync(Thread);
        var news = await bot.SubscribeAsync(News);

        bot.Discord.Rest.Guilds.RemoveChannel(Thread);
        await bot.Discord.Gateway.SendDispatchAsync("THREAD_DELETE", $$"""{"id":"{{Thread}}","guild_id":"{{Guild}}","parent_id":"{{Digests}}","type":11}""");
        await bot.Logs.WaitForAsync("Permission watch: THREAD_DELETE in guild 77 re-checked 1 subscribed channels, paused 1 subscriptions");
        bot.Discord.Rest.Guilds.RemoveChannel(Digests);
        await bot.Discord.Gateway.SendDispatchAsync("CHANNEL_DELETE", $$"""{"id":"{{Digests}}","guild_id":"{{Guild}}","type":0,"name":"digests"}""");
        await bot.Logs.WaitForAsync("Permission watch: CHANNEL_DELETE in guild 77");

        Assert.Equal("the thread was deleted (THREAD_DELETE)", (await StoredAsync(bot, thread.Id)).PausedReason);
        Assert.Equal("the channel was deleted (CHANNEL_DELETE)", (await StoredAsync(bot, digests.Id)).PausedReason);
        Assert.False((await StoredAsync(bot, news.Id)).Paused);
    }

    [Fact]
    public async Task GuildDelete_MarkedUnavailableIsAnOutageAndPausesNothing_WithoutItEveryChannelOfThatServerPauses()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        var news = await bot.SubscribeAsync(News);

        await bot.Discord.Gateway.SendDispatchAsync("GUILD_DELETE", $$"""{"id":"{{Guild}}","unavailable":true}""");
        await bot.Logs.WaitForAsync("Guild 77 is unavailable (an outage");
        var afterOutage = (await StoredAsync(bot, digests.Id)).Paused || (await StoredAsync(bot, news.Id)).Paused;
        bot.Discord.Rest.Guilds.RemoveGuild(Guild);
        await bot.Discord.Gateway.SendDispatchAsync("GUILD_DELETE", $$"""{"id":"{{Guild}}"}""");
        await bot.Logs.WaitForAsync("Permission watch: GUILD_DELETE in guild 77 re-checked 2 subscribed channels, paused 2 subscriptions");

        Assert.False(afterOutage);
        Assert.Equal("the bot is no longer in this server (GUILD_DELETE)", (await StoredAsync(bot, digests.Id)).PausedReason);
        Assert.Equal("the bot is no longer in this server (GUILD_DELETE)", (await StoredAsync(bot, news.Id)).PausedReason);
    }

    [Fact]
    public async Task OwnMemberUpdate_LosingItsRole_Pauses_WhileAnotherMembersUpdateIsIgnored()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        var botId = bot.Discord.Rest.Options.ApplicationId;

        await bot.Discord.Gateway.SendDispatchAsync("GUILD_MEMBER_UPDATE", $$$"""{"guild_id":"{{{Guild}}}","roles":[],"user":{"id":"{{{Owner}}}","username":"ada"}}""");
        bot.Discord.Rest.Guilds.SetMemberRoles(Guild, botId);
        await bot.Discord.Gateway.SendDispatchAsync("GUILD_MEMBER_UPDATE", $$$"""{"guild_id":"{{{Guild}}}","roles":[],"user":{"id":"{{{botId}}}","username":"fake-bot","bot":true}}""");
        await bot.Logs.WaitForAsync("Permission watch: GUILD_MEMBER_UPDATE in guild 77");

        // Changes are handled in order, so the other member's update was already passed over.
        Assert.Single(bot.Logs.Lines, l => l.Contains("Permission watch: GUILD_MEMBER_UPDATE", StringComparison.Ordinal));
        Assert.Equal("the bot is missing Send Messages / Embed Links here since the bot's roles changed; allow them for the bot, then /subscription resume",
            (await StoredAsync(bot, digests.Id)).PausedReason);
    }

    [Fact]
    public async Task Resume_WhileTheBotStillLacksAPermission_IsRefusedNamingIt_AndResumesOnceItIsAllowed()
    {
        await using var bot = await StartAsync();
        var digests = await bot.SubscribeAsync(Digests);
        await bot.Services.GetRequiredService<SubscriptionService>().PauseAsync(digests.Id, "delivery failed: Discord refused with 403 (code 50013, Missing Permissions)", Ct);
        bot.Discord.Rest.Guilds.SetOverwrites(Digests, FakeOverwrite.Role(FakeRestApi.BotRoleId, deny: Embed));

        var refused = await bot.Discord.UseSlashCommandAsync(Guild, Digests, Owner, "subscription", "resume", cancellationToken: Ct);
        var stillPaused = (await StoredAsync(bot, digests.Id)).Paused;
        bot.Discord.Rest.Guilds.SetOverwrites(Digests);
        var resumed = await bot.Discord.UseSlashCommandAsync(Guild, Digests, Owner, "subscription", "resume", cancellationToken: Ct);

        Assert.Equal("I can't post in <#88>: I'm missing Embed Links — ask an admin to allow them.", refused);
        Assert.True(stillPaused);
        Assert.StartsWith("Resumed.", resumed, StringComparison.Ordinal);
        Assert.False((await StoredAsync(bot, digests.Id)).Paused);
    }

    /// <summary>The bot in a server whose @everyone may only view, added with its invite link; #digests, #news and a thread under #digests.</summary>
    private static async Task<DiscordDigestHost> StartAsync()
    {
        var bot = await DiscordDigestHost.StartAsync();
        var guilds = bot.Discord.Rest.Guilds;
        guilds.AddGuild(Guild, Owner, everyonePermissions: View);
        guilds.AddChannel(Digests, Guild, "digests");
        guilds.AddChannel(News, Guild, "news");
        guilds.AddChannel(Thread, Guild, "weekly", type: 11, parentId: Digests);
        guilds.EnforcePermissions = true;
        bot.Discord.Rest.AcceptInvite(InviteUrlCommand.For(bot.Discord.Rest.Options.ApplicationId), Guild);
        return bot;
    }

    private static async Task<DeliveryStatus?> DigestNowAsync(DiscordDigestHost bot, ulong channel, long subscriptionId)
    {
        await bot.Discord.UseSlashCommandAsync(Guild, channel, Owner, "digest", "now", cancellationToken: Ct);
        return await bot.DeliveredAsync(await bot.DeliveryIdAsync(subscriptionId));
    }

    private static async Task<Subscription> StoredAsync(DiscordDigestHost bot, long id)
        => (await bot.Services.GetRequiredService<SubscriptionStore>().GetAsync(id, Ct))!;
}
