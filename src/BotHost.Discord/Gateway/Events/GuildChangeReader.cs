using System.Globalization;
using System.Text.Json;
using BotHost.Discord.Models;

namespace BotHost.Discord.Gateway.Events;

/// <summary>
/// Reads the events of <see cref="GuildChangeKind"/> from dispatches (D: Gateway Events › Channel/Thread/Guild Role/
/// Guild Member Update and Delete, Guild Delete). Anything else, or a payload missing its guild, is not a change.
/// </summary>
public static class GuildChangeReader
{
    public static bool TryRead(GatewayDispatch dispatch, out GuildChange change)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        change = null!;
        var data = dispatch.Data;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var name = dispatch.EventName;
        switch (name)
        {
            case "CHANNEL_UPDATE" or "THREAD_UPDATE" when Snowflake(data, "id") is { } id && ReadChannel(data) is { GuildId: { } guild } channel:
                change = new GuildChange(name, GuildChangeKind.ChannelUpdated, guild) { ChannelId = id, Channel = channel };
                return true;
            case "CHANNEL_DELETE" or "THREAD_DELETE" when Snowflake(data, "guild_id") is { } guild && Snowflake(data, "id") is { } id:
                change = new GuildChange(name, name == "CHANNEL_DELETE" ? GuildChangeKind.ChannelDeleted : GuildChangeKind.ThreadDeleted, guild) { ChannelId = id };
                return true;
            case "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE" when Snowflake(data, "guild_id") is { } guild:
                change = new GuildChange(name, GuildChangeKind.RoleChanged, guild);
                return true;
            case "GUILD_MEMBER_UPDATE" when Snowflake(data, "guild_id") is { } guild
                                           && data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object && Snowflake(user, "id") is { } userId
                                           && RoleIds(data) is { } roles:
                change = new GuildChange(name, GuildChangeKind.MemberUpdated, guild) { UserId = userId, Roles = roles };
                return true;
            case "GUILD_DELETE" when Snowflake(data, "id") is { } guild:
                var outage = data.TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == JsonValueKind.True;
                change = new GuildChange(name, outage ? GuildChangeKind.GuildUnavailable : GuildChangeKind.GuildLeft, guild);
                return true;
            default:
                return false;
        }
    }

    private static Channel? ReadChannel(JsonElement data)
    {
        try
        {
            return data.Deserialize(DiscordRestJsonContext.Default.Channel);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ulong>? RoleIds(JsonElement data)
    {
        if (!data.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var ids = new List<ulong>(roles.GetArrayLength());
        foreach (var role in roles.EnumerateArray())
        {
            if (role.ValueKind != JsonValueKind.String || !TryParse(role.GetString(), out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    private static ulong? Snowflake(JsonElement data, string property)
        => data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && TryParse(value.GetString(), out var id) ? id : null;

    private static bool TryParse(string? text, out ulong id) => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
