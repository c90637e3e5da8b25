using System.Globalization;
using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// The guilds, roles, channels (with permission overwrites) and members the fake Discord knows, set up by tests,
/// and per-channel refusals of message creation (403 50013/50001, 404 10003). Channels nobody set up still accept
/// messages, so tests that do not care about guilds need no setup. With <see cref="EnforcePermissions"/> a known
/// channel also refuses a bot that lacks View Channel or Send Messages there (<see cref="PermissionsOf"/>).
/// </summary>
public sealed class FakeGuilds
{
    /// <summary>VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, READ_MESSAGE_HISTORY, SEND_MESSAGES_IN_THREADS.</summary>
    public const ulong DefaultEveryonePermissions = (1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 16) | (1UL << 38);

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, GuildState> _guilds = [];
    private readonly Dictionary<ulong, ChannelState> _channels = [];
    private readonly Dictionary<ulong, (int Status, int Code, string Message)> _createRefusals = [];

    /// <summary>Message creation in a set-up channel answers 403 as Discord would when the bot may not view or post there.</summary>
    public bool EnforcePermissions { get; set; }

    /// <summary>Adds a guild with its @everyone role (id = guild id).</summary>
    public void AddGuild(ulong guildId, ulong ownerId, ulong everyonePermissions = DefaultEveryonePermissions, string name = "Fake Guild")
    {
        lock (_lock)
        {
            var guild = new GuildState(guildId, ownerId, name);
            guild.Roles[guildId] = new RoleState(guildId, "@everyone", everyonePermissions, 0);
            _guilds[guildId] = guild;
        }
    }

    public void AddRole(ulong guildId, ulong roleId, ulong permissions, string name = "role", int position = 1)
    {
        lock (_lock)
        {
            Guild(guildId).Roles[roleId] = new RoleState(roleId, name, permissions, position);
        }
    }

    /// <summary>Changes a role's permissions, as a server admin editing it does (Discord then sends GUILD_ROLE_UPDATE).</summary>
    public void SetRolePermissions(ulong guildId, ulong roleId, ulong permissions)
    {
        lock (_lock)
        {
            var guild = Guild(guildId);
            guild.Roles[roleId] = guild.Roles[roleId] with { Permissions = permissions };
        }
    }

    /// <summary>The bot left or was removed: reading the guild or its members answers 404 from now on.</summary>
    public void RemoveGuild(ulong guildId)
    {
        lock (_lock)
        {
            _guilds.Remove(guildId);
        }
    }

    /// <summary>Makes <paramref name="userId"/> a member with these roles (e.g. the bot, whose id is FakeRestOptions.ApplicationId).</summary>
    public void SetMemberRoles(ulong guildId, ulong userId, params ulong[] roleIds)
    {
        lock (_lock)
        {
            Guild(guildId).Members[userId] = [.. roleIds];
        }
    }

    /// <summary>Adds a channel of <paramref name="guildId"/>; type 0 text, 5 announcement, 11 public thread (overwrites come from the parent).</summary>
    public void AddChannel(ulong channelId, ulong guildId, string name = "general", int type = 0, ulong? parentId = null, params FakeOverwrite[] overwrites)
    {
        lock (_lock)
        {
            Guild(guildId);
            _channels[channelId] = new ChannelState(channelId, guildId, name, type, parentId, [.. overwrites]);
        }
    }

    /// <summary>Replaces the channel's permission overwrites (Discord then sends CHANNEL_UPDATE, see <see cref="ChannelJson"/>).</summary>
    public void SetOverwrites(ulong channelId, params FakeOverwrite[] overwrites)
    {
        lock (_lock)
        {
            _channels[channelId] = _channels[channelId] with { Overwrites = [.. overwrites] };
        }
    }

    /// <summary>The channel object as GET /channels/{id} and the CHANNEL_UPDATE event carry it.</summary>
    public string ChannelJson(ulong channelId)
    {
        var (status, json) = GetChannel(channelId);
        return status == 200 ? json!.ToJsonString() : throw new InvalidOperationException($"Channel {channelId} is unknown or deleted.");
    }

    /// <summary>The type and parent of a set-up channel, as an interaction's partial <c>channel</c> carries them.</summary>
    public (int Type, ulong? ParentId) ChannelShape(ulong channelId)
    {
        lock (_lock)
        {
            var channel = _channels[channelId];
            return (channel.Type, channel.ParentId);
        }
    }

    /// <summary>
    /// A member's permissions in a channel, computed the way Discord documents it (written here independently of the
    /// product's calculator): owner all; @everyone plus the member's roles, ADMINISTRATOR all; then the channel's
    /// @everyone, role (deny then allow) and member overwrites, a thread using its parent's. What Discord puts in an
    /// interaction's <c>app_permissions</c> (for the bot) and <c>member.permissions</c>.
    /// </summary>
    public ulong PermissionsOf(ulong guildId, ulong userId, ulong channelId)
    {
        lock (_lock)
        {
            var guild = Guild(guildId);
            if (userId == guild.OwnerId)
            {
                return ulong.MaxValue;
            }

            var memberRoles = guild.Members.GetValueOrDefault(userId) ?? [];
            var permissions = guild.Roles[guildId].Permissions;
            foreach (var role in memberRoles)
            {
                permissions |= guild.Roles.TryGetValue(role, out var r) ? r.Permissions : 0;
            }

            if ((permissions & (1UL << 3)) != 0)
            {
                return ulong.MaxValue;
            }

            var channel = _channels[channelId];
            var overwrites = channel.Type is 10 or 11 or 12 && channel.ParentId is { } parent ? _channels[parent].Overwrites : channel.Overwrites;
            if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guildId) is { } everyone)
            {
                permissions = (permissions & ~everyone.Deny) | everyone.Allow;
            }

            var roleOverwrites = overwrites.Where(o => o.Type == 0 && o.Id != guildId && memberRoles.Contains(o.Id)).ToList();
            var deny = roleOverwrites.Aggregate(0UL, (bits, o) => bits | o.Deny);
            var allow = roleOverwrites.Aggregate(0UL, (bits, o) => bits | o.Allow);
            permissions = (permissions & ~deny) | allow;
            if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } member)
            {
                permissions = (permissions & ~member.Deny) | member.Allow;
            }

            return permissions;
        }
    }

    /// <summary>Deletes the channel: reading it and posting to it answer 404 Unknown Channel (10003) from now on.</summary>
    public void RemoveChannel(ulong channelId)
    {
        lock (_lock)
        {
            _channels[channelId] = _channels[channelId] with { Deleted = true };
        }
    }

    /// <summary>
    /// Message creation in the channel answers <paramref name="status"/> with <paramref name="code"/>: 403 50013
    /// (missing permissions), 403 50001 (missing access: bot removed or cannot see the channel), 404 10003.
    /// </summary>
    public void FailMessageCreate(ulong channelId, int status, int code)
    {
        var message = code switch
        {
            50013 => "Missing Permissions",
            50001 => "Missing Access",
            10003 => "Unknown Channel",
            _ => "Refused by test",
        };
        lock (_lock)
        {
            _createRefusals[channelId] = (status, code, message);
        }
    }

    public void ClearMessageCreateFailure(ulong channelId)
    {
        lock (_lock)
        {
            _createRefusals.Remove(channelId);
        }
    }

    internal (int, JsonNode?)? MessageCreateRefusal(ulong channelId, ulong botUserId)
    {
        lock (_lock)
        {
            return _createRefusals.TryGetValue(channelId, out var refusal)
                ? FakeRestApi.Error(refusal.Status, refusal.Code, refusal.Message)
                : ReadRefusal(channelId) ?? PermissionRefusal(channelId, botUserId);
        }
    }

    private (int, JsonNode?)? PermissionRefusal(ulong channelId, ulong botUserId)
    {
        if (!EnforcePermissions || !_channels.TryGetValue(channelId, out var channel))
        {
            return null;
        }

        if (!_guilds.TryGetValue(channel.GuildId, out var guild) || (!guild.Members.ContainsKey(botUserId) && guild.OwnerId != botUserId))
        {
            return FakeRestApi.Error(403, 50001, "Missing Access");
        }

        var permissions = PermissionsOf(channel.GuildId, botUserId, channelId);
        var send = channel.Type is 10 or 11 or 12 ? 1UL << 38 : 1UL << 11;
        return (permissions & (1UL << 10)) == 0 ? FakeRestApi.Error(403, 50001, "Missing Access")
            : (permissions & send) == 0 ? FakeRestApi.Error(403, 50013, "Missing Permissions")
            : null;
    }

    /// <summary>404 10003 for a channel that was removed; null otherwise (unknown channels are permissive).</summary>
    internal (int, JsonNode?)? ReadRefusal(ulong channelId)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channelId, out var channel) && channel.Deleted ? FakeRestApi.Error(404, 10003, "Unknown Channel") : null;
        }
    }

    internal (int, JsonNode?) GetChannel(ulong channelId)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(channelId, out var channel) || channel.Deleted)
            {
                return FakeRestApi.Error(404, 10003, "Unknown Channel");
            }

            var json = new JsonObject
            {
                ["id"] = Id(channel.Id),
                ["type"] = channel.Type,
                ["guild_id"] = Id(channel.GuildId),
                ["name"] = channel.Name,
                ["parent_id"] = channel.ParentId is { } parent ? Id(parent) : null,
            };
            if (channel.Type is not (10 or 11 or 12))
            {
                json["permission_overwrites"] = new JsonArray([.. channel.Overwrites.Select(o => (JsonNode)new JsonObject
                {
                    ["id"] = Id(o.Id),
                    ["type"] = o.Type,
                    ["allow"] = Id(o.Allow),
                    ["deny"] = Id(o.Deny),
                })]);
            }

            return (200, json);
        }
    }

    internal (int, JsonNode?) GetGuild(ulong guildId)
    {
        lock (_lock)
        {
            return _guilds.TryGetValue(guildId, out var guild)
                ? (200, new JsonObject { ["id"] = Id(guild.Id), ["name"] = guild.Name, ["owner_id"] = Id(guild.OwnerId), ["roles"] = Roles(guild) })
                : UnknownGuild();
        }
    }

    internal (int, JsonNode?) GetRoles(ulong guildId)
    {
        lock (_lock)
        {
            return _guilds.TryGetValue(guildId, out var guild) ? (200, Roles(guild)) : UnknownGuild();
        }
    }

    internal (int, JsonNode?) GetMember(ulong guildId, ulong userId, ulong botUserId)
    {
        lock (_lock)
        {
            if (!_guilds.TryGetValue(guildId, out var guild))
            {
                return UnknownGuild();
            }

            if (!guild.Members.TryGetValue(userId, out var roles))
            {
                return FakeRestApi.Error(404, 10007, "Unknown Member");
            }

            return (200, new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = Id(userId), ["username"] = userId == botUserId ? "fake-bot" : $"user-{userId}", ["bot"] = userId == botUserId },
                ["nick"] = null,
                ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)Id(r))]),
                ["joined_at"] = "2026-01-01T00:00:00.000000+00:00",
            });
        }
    }

    private GuildState Guild(ulong guildId)
        => _guilds.TryGetValue(guildId, out var guild) ? guild : throw new InvalidOperationException($"Guild {guildId} was not added; call AddGuild first.");

    private static JsonArray Roles(GuildState guild) => new([.. guild.Roles.Values.OrderBy(r => r.Position).Select(r => (JsonNode)new JsonObject
    {
        ["id"] = Id(r.Id),
        ["name"] = r.Name,
        ["permissions"] = Id(r.Permissions),
        ["position"] = r.Position,
        ["managed"] = false,
    })]);

    private static (int, JsonNode?) UnknownGuild() => FakeRestApi.Error(404, 10004, "Unknown Guild");

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record GuildState(ulong Id, ulong OwnerId, string Name)
    {
        public Dictionary<ulong, RoleState> Roles { get; } = [];

        public Dictionary<ulong, ulong[]> Members { get; } = [];
    }

    private sealed record RoleState(ulong Id, string Name, ulong Permissions, int Position);

    private sealed record ChannelState(ulong Id, ulong GuildId, string Name, int Type, ulong? ParentId, FakeOverwrite[] Overwrites, bool Deleted = false);
}
