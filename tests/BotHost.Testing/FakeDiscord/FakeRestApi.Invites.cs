using System.Globalization;
using System.Web;

namespace BotHost.Testing.FakeDiscord;

// What happens when a server admin opens the bot's invite link and authorizes it.
public sealed partial class FakeRestApi
{
    /// <summary>The id the fake gives the managed role it creates for the bot in a guild.</summary>
    public const ulong BotRoleId = 4_000_000_000_000_000_042;

    /// <summary>
    /// Accepts an OAuth2 bot invite (https://discord.com/oauth2/authorize?client_id=…&amp;scope=bot+…&amp;permissions=N) into
    /// <paramref name="guildId"/> as Discord does: the bot joins with a managed role holding exactly the requested
    /// permissions. The link must name this fake's application and ask for the bot scope.
    /// </summary>
    /// <returns>The requested permissions.</returns>
    public ulong AcceptInvite(string inviteUrl, ulong guildId)
    {
        var url = new Uri(inviteUrl, UriKind.Absolute);
        if (url.Host != "discord.com" || url.AbsolutePath != "/oauth2/authorize")
        {
            throw new InvalidOperationException($"Not a Discord OAuth2 authorize link: {inviteUrl}");
        }

        var query = HttpUtility.ParseQueryString(url.Query);
        if (query["client_id"] != Options.ApplicationId.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The link is for application {query["client_id"]}, not this fake's {Options.ApplicationId}: Discord would show 'Unknown Application'.");
        }

        var scopes = (query["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("bot"))
        {
            throw new InvalidOperationException($"The link asks for scopes '{query["scope"]}' without 'bot': Discord would not add a bot user.");
        }

        var permissions = ulong.Parse(query["permissions"] ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);
        Guilds.AddRole(guildId, BotRoleId, permissions, name: "BotHost", position: 1);
        Guilds.SetMemberRoles(guildId, Options.ApplicationId, BotRoleId);
        return permissions;
    }
}
