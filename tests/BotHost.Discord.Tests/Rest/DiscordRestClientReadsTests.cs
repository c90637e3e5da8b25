using System.Net;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordRestClientReadsTests : IAsyncLifetime
{
    private const ulong GuildId = 500;
    private const ulong OwnerId = 77;
    private const ulong ModRole = 501;
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ulong BotId => _server.Rest.Options.ApplicationId;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var guilds = _server.Rest.Guilds;
        guilds.AddGuild(GuildId, OwnerId, everyonePermissions: 1024 | 2048, name: "Readers");
        guilds.AddRole(GuildId, ModRole, permissions: 16, name: "mods", position: 2);
        guilds.SetMemberRoles(GuildId, BotId, ModRole);
        guilds.AddChannel(600, GuildId, "news", type: 5, parentId: 599, FakeOverwrite.Role(GuildId, deny: 2048), FakeOverwrite.Member(BotId, allow: 2048 | (1UL << 38)));
        guilds.AddChannel(601, GuildId, "thread", type: 11, parentId: 600);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetCurrentUserAsync_ReturnsTheBotUser()
    {
        using var sut = new RestClientUnderTest(_server);

        var user = await sut.Client.GetCurrentUserAsync(Ct);

        Assert.Equal(BotId, user.Id);
        Assert.True(user.Bot);
        Assert.Equal("/api/v10/users/@me", Assert.Single(_server.Rest.Requests).Path);
    }

    [Fact]
    public async Task GetChannelAsync_ReadsTypeGuildParentNameAndOverwritesSentAsStrings()
    {
        using var sut = new RestClientUnderTest(_server);

        var channel = await sut.Client.GetChannelAsync(600, Ct);
        var thread = await sut.Client.GetChannelAsync(601, Ct);

        Assert.Equal((600UL, 5, (ulong?)GuildId, (ulong?)599UL, "news"), (channel.Id, channel.Type, channel.GuildId, channel.ParentId, channel.Name));
        Assert.Equal(
            [new PermissionOverwrite { Id = GuildId, Type = 0, Deny = 2048 }, new PermissionOverwrite { Id = BotId, Type = 1, Allow = 2048 | (1UL << 38) }],
            channel.PermissionOverwrites);
        Assert.True(thread.IsThread);
        Assert.Null(thread.PermissionOverwrites);
        Assert.Equal(600UL, thread.ParentId);
    }

    [Fact]
    public async Task GetChannelAsync_WhenChannelWasDeleted_Throws404WithUnknownChannel()
    {
        _server.Rest.Guilds.RemoveChannel(600);
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.GetChannelAsync(600, Ct));

        Assert.Equal((HttpStatusCode.NotFound, (int?)10003), (error.Status, error.Code));
        Assert.Equal(1, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task GetGuildAsyncAndGetGuildRolesAsync_ReadOwnerAndRolesWithPermissions()
    {
        using var sut = new RestClientUnderTest(_server);

        var guild = await sut.Client.GetGuildAsync(GuildId, Ct);
        var roles = await sut.Client.GetGuildRolesAsync(GuildId, Ct);

        Assert.Equal((GuildId, OwnerId, "Readers"), (guild.Id, guild.OwnerId, guild.Name));
        Assert.Equal([(GuildId, 3072UL), (ModRole, 16UL)], guild.Roles.Select(r => (r.Id, r.Permissions)));
        Assert.Equal(guild.Roles, roles);
    }

    [Fact]
    public async Task GetGuildMemberAsync_ReadsTheBotsRoles_AndAnUnknownMemberIs404()
    {
        using var sut = new RestClientUnderTest(_server);

        var bot = await sut.Client.GetGuildMemberAsync(GuildId, BotId, Ct);
        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.GetGuildMemberAsync(GuildId, 12345, Ct));

        Assert.Equal(BotId, bot.User!.Id);
        Assert.Equal([ModRole], bot.Roles);
        Assert.Equal(10007, error.Code);
    }

    [Fact]
    public async Task GetChannelMessagesAsync_ReturnsTheNewestFirst_AndPagesWithBefore()
    {
        using var sut = new RestClientUnderTest(_server);
        var posted = new List<Message>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await sut.Client.CreateMessageAsync(700, new MessageCreate { Content = $"part {i}", Nonce = $"n{i}" }, Ct));
        }

        await sut.Client.DeleteMessageAsync(700, posted[3].Id, Ct);

        var newest = await sut.Client.GetChannelMessagesAsync(700, 3, before: null, Ct);
        var older = await sut.Client.GetChannelMessagesAsync(700, 3, before: newest[^1].Id, Ct);

        Assert.Equal(["part 4", "part 2", "part 1"], newest.Select(m => m.Content));
        Assert.Equal(["part 0"], older.Select(m => m.Content));
        Assert.Equal("n4", newest[0].Nonce);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task GetChannelMessagesAsync_WhenLimitOutsideOneToHundred_ThrowsBeforeSending(int limit)
    {
        using var sut = new RestClientUnderTest(_server);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.Client.GetChannelMessagesAsync(700, limit, null, Ct));

        Assert.Equal(0, _server.Rest.TotalRequests);
    }

    [Theory]
    [InlineData(403, 50013, true)]
    [InlineData(403, 50001, true)]
    [InlineData(404, 10003, false)]
    public async Task CreateMessageAsync_WhenChannelRefuses_ThrowsWithStatusAndCodeWithoutRetrying(int status, int code, bool countsAsInvalid)
    {
        _server.Rest.Guilds.FailMessageCreate(600, status, code);
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            sut.Client.CreateMessageAsync(600, new MessageCreate { Content = "digest", Nonce = "n-refused", EnforceNonce = true }, Ct));

        Assert.Equal(((HttpStatusCode)status, (int?)code), (error.Status, error.Code));
        Assert.Equal(1, _server.Rest.TotalRequests);
        Assert.Empty(_server.Rest.Messages);
        Assert.Equal(countsAsInvalid ? 1 : 0, sut.Client.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_AfterTheChannelWasDeleted_Answers404UnknownChannel()
    {
        _server.Rest.Guilds.RemoveChannel(600);
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(600, new MessageCreate { Content = "x" }, Ct));

        Assert.Equal(10003, error.Code);
    }
}
