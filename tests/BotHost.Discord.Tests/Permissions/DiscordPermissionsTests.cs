using System.Text.Json;
using BotHost.Discord.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Discord.Tests.Permissions;

public sealed class DiscordPermissionsTests
{
    /// <summary>Values as ../shared/discord/FACTS.md gives them (§3 posting permissions, §7 default_member_permissions) and the docs' flag table.</summary>
    [Theory]
    [InlineData(nameof(DiscordPermissions.Administrator), 8UL)]
    [InlineData(nameof(DiscordPermissions.ManageChannels), 16UL)]
    [InlineData(nameof(DiscordPermissions.ManageGuild), 32UL)]
    [InlineData(nameof(DiscordPermissions.ViewChannel), 1024UL)]
    [InlineData(nameof(DiscordPermissions.SendMessages), 2048UL)]
    [InlineData(nameof(DiscordPermissions.EmbedLinks), 16384UL)]
    [InlineData(nameof(DiscordPermissions.ReadMessageHistory), 65536UL)]
    [InlineData(nameof(DiscordPermissions.SendMessagesInThreads), 274877906944UL)]
    public void Constant_HasDiscordsBitValue(string name, ulong expected)
    {
        var value = (ulong)typeof(DiscordPermissions).GetField(name)!.GetRawConstantValue()!;

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Overwrite_ReadsAndWritesPermissionsAsDigitStrings_AsTheSpecDescribesThem()
    {
        // S: ChannelPermissionOverwriteResponse: id (snowflake string), type 0/1, allow and deny as strings.
        const string json = """{"id":"41771983423143936","type":0,"allow":"274877908992","deny":"1024"}""";

        var overwrite = JsonSerializer.Deserialize(json, DiscordRestJsonContext.Default.PermissionOverwrite)!;
        var written = JsonSerializer.Serialize(overwrite, DiscordRestJsonContext.Default.PermissionOverwrite);

        Assert.Equal(DiscordPermissions.SendMessages | DiscordPermissions.SendMessagesInThreads, overwrite.Allow);
        Assert.Equal(DiscordPermissions.ViewChannel, overwrite.Deny);
        Assert.Equal(json, written);
    }

    [Fact]
    public void HasAll_NeedsEveryRequiredBit()
    {
        const ulong post = DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages;

        Assert.True(DiscordPermissions.HasAll(post | DiscordPermissions.EmbedLinks, post));
        Assert.False(DiscordPermissions.HasAll(DiscordPermissions.SendMessages, post));
        Assert.True(DiscordPermissions.HasAll(DiscordPermissions.All, post));
    }
}
