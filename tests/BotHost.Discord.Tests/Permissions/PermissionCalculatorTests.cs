using BotHost.Discord.Models;
using BotHost.Discord.Permissions;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Permissions;

public sealed class PermissionCalculatorTests
{
    private const ulong Guild = 100;
    private const ulong Owner = 1;
    private const ulong Bot = 2;
    private const ulong Writers = 10;
    private const ulong Muted = 11;
    private const ulong Admins = 12;
    private const ulong View = DiscordPermissions.ViewChannel;
    private const ulong Send = DiscordPermissions.SendMessages;
    private const ulong Embed = DiscordPermissions.EmbedLinks;

    private static readonly Role[] Roles =
    [
        new() { Id = Guild, Permissions = View },
        new() { Id = Writers, Permissions = Send | Embed },
        new() { Id = Muted, Permissions = 0 },
        new() { Id = Admins, Permissions = DiscordPermissions.Administrator },
    ];

    [Fact]
    public void ForGuild_CombinesEveryoneWithTheMembersRolesOnly()
    {
        Assert.Equal(View | Send | Embed, PermissionCalculator.ForGuild(Guild, Owner, Roles, Bot, [Writers]));
        Assert.Equal(View, PermissionCalculator.ForGuild(Guild, Owner, Roles, Bot, []));
    }

    [Fact]
    public void Owner_HasEveryPermission_EvenWhenOverwritesDenyThem()
    {
        var permissions = PermissionCalculator.ForChannel(Guild, Owner, Roles, Owner, [], [Member(Owner, deny: View | Send)]);

        Assert.Equal(DiscordPermissions.All, permissions);
    }

    [Fact]
    public void Administrator_HasEveryPermission_AndOverwritesDoNotApply()
    {
        var permissions = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [Admins], [Role(Guild, deny: View), Member(Bot, deny: Send)]);

        Assert.Equal(DiscordPermissions.All, permissions);
    }

    [Fact]
    public void EveryoneOverwrite_AppliesFirst_SoARoleOverwriteCanGrantBackWhatItDenied()
    {
        var permissions = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [Writers], [Role(Guild, deny: Send), Role(Writers, allow: Send)]);

        Assert.Equal(View | Send | Embed, permissions);
    }

    [Fact]
    public void RoleOverwrites_AreCombined_WithAllowWinningOverAnotherRolesDeny()
    {
        var permissions = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [Writers, Muted], [Role(Muted, deny: Send), Role(Writers, allow: Send)]);

        Assert.True(DiscordPermissions.HasAll(permissions, View | Send));
    }

    [Fact]
    public void MemberOverwrite_AppliesLast_OverRoleOverwrites()
    {
        var denied = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [Writers], [Role(Writers, allow: Send), Member(Bot, deny: Send)]);
        var allowed = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [], [Role(Guild, deny: View), Member(Bot, allow: View | Send)]);

        Assert.Equal(View | Embed, denied);
        Assert.Equal(View | Send, allowed);
    }

    [Fact]
    public void Overwrites_ForRolesTheMemberLacks_OrForOtherMembers_AreIgnored()
    {
        var permissions = PermissionCalculator.ForChannel(Guild, Owner, Roles, Bot, [Writers], [Role(Muted, deny: Send), Member(99, deny: Send), Role(Bot, deny: Send)]);

        Assert.Equal(View | Send | Embed, permissions);
    }

    [Fact]
    public async Task ForChannel_FromTheModelsTheClientReads_TellsWhetherTheBotMayPost()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var bot = server.Rest.Options.ApplicationId;
        server.Rest.Guilds.AddGuild(Guild, Owner, everyonePermissions: View | Send);
        server.Rest.Guilds.AddRole(Guild, Writers, Embed);
        server.Rest.Guilds.SetMemberRoles(Guild, bot, Writers);
        server.Rest.Guilds.AddChannel(300, Guild, "announcements", type: 5, parentId: null, FakeOverwrite.Role(Guild, deny: Send));
        server.Rest.Guilds.AddChannel(301, Guild, "digest", type: 0, parentId: null, FakeOverwrite.Role(Guild, deny: Send), FakeOverwrite.Member(bot, allow: Send));
        using var sut = new Rest.RestClientUnderTest(server);
        var ct = TestContext.Current.CancellationToken;

        var guild = await sut.Client.GetGuildAsync(Guild, ct);
        var member = await sut.Client.GetGuildMemberAsync(Guild, (await sut.Client.GetCurrentUserAsync(ct)).Id, ct);
        var announcements = PermissionCalculator.ForChannel(guild, member, await sut.Client.GetChannelAsync(300, ct));
        var digest = PermissionCalculator.ForChannel(guild, member, await sut.Client.GetChannelAsync(301, ct));

        Assert.False(DiscordPermissions.HasAll(announcements, View | Send));
        Assert.True(DiscordPermissions.HasAll(digest, View | Send | Embed));
    }

    [Fact]
    public void ForChannel_WhenChannelBelongsToAnotherGuild_Throws()
    {
        var guild = new Guild { Id = Guild, OwnerId = Owner, Roles = Roles };
        var member = new GuildMember { User = new User { Id = Bot } };

        var error = Assert.Throws<ArgumentException>(() => PermissionCalculator.ForChannel(guild, member, new Channel { Id = 5, GuildId = 999 }));

        Assert.Contains("guild 999", error.Message, StringComparison.Ordinal);
    }

    private static PermissionOverwrite Role(ulong id, ulong allow = 0, ulong deny = 0) => new() { Id = id, Type = PermissionOverwrite.RoleType, Allow = allow, Deny = deny };

    private static PermissionOverwrite Member(ulong id, ulong allow = 0, ulong deny = 0) => new() { Id = id, Type = PermissionOverwrite.MemberType, Allow = allow, Deny = deny };
}
