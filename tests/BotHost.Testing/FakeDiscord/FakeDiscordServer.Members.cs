using System.Globalization;
using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

/// <summary>A member of a guild the fake knows using a slash command, as Discord delivers it to a gateway bot.</summary>
public sealed partial class FakeDiscordServer
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(30);
    private long _nextMemberInteraction = 800_000_000_000_000_000;

    /// <summary>
    /// Sends INTERACTION_CREATE for <c>/command [subcommand] [options]</c> used by <paramref name="userId"/> in a set-up
    /// channel, with <c>member.permissions</c> and <c>app_permissions</c> computed by <see cref="FakeGuilds.PermissionsOf"/>,
    /// and returns the text of the answer (the callback's, or the edit that replaced a deferral).
    /// </summary>
    /// <param name="optionsJson">The subcommand's (or command's) options, e.g. <c>[{"name":"time","type":3,"value":"08:30"}]</c>.</param>
    public async Task<string> UseSlashCommandAsync(ulong guildId, ulong channelId, ulong userId, string command, string? subcommand = null, string optionsJson = "[]", CancellationToken cancellationToken = default)
    {
        var id = (ulong)Interlocked.Increment(ref _nextMemberInteraction);
        var token = "member-interaction-" + id.ToString(CultureInfo.InvariantCulture);
        var options = JsonNode.Parse(optionsJson)!.AsArray();
        var (type, parent) = Rest.Guilds.ChannelShape(channelId);
        var interaction = new JsonObject
        {
            ["id"] = S(id),
            ["application_id"] = S(Rest.Options.ApplicationId),
            ["type"] = 2,
            ["token"] = token,
            ["guild_id"] = S(guildId),
            ["channel_id"] = S(channelId),
            ["channel"] = new JsonObject { ["id"] = S(channelId), ["type"] = type, ["guild_id"] = S(guildId), ["parent_id"] = parent is { } p ? S(p) : null },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = S(userId), ["username"] = $"user-{userId}" },
                ["permissions"] = S(Rest.Guilds.PermissionsOf(guildId, userId, channelId)),
                ["roles"] = new JsonArray(),
            },
            ["app_permissions"] = S(Rest.Guilds.PermissionsOf(guildId, Rest.Options.ApplicationId, channelId)),
            ["data"] = new JsonObject
            {
                ["id"] = "1",
                ["name"] = command,
                ["type"] = 1,
                ["options"] = subcommand is null ? options : new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = options }),
            },
        };
        IssueInteraction(id, token);
        await Gateway.SendDispatchAsync("INTERACTION_CREATE", interaction.ToJsonString());
        var callback = await WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == id, cancellationToken).WaitAsync(AnswerWait, cancellationToken);
        if (callback.CallbackType is 4 or 7)
        {
            return callback.Body.GetProperty("data").GetProperty("content").GetString() ?? "";
        }

        var edit = await WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.Token == token, cancellationToken).WaitAsync(AnswerWait, cancellationToken);
        return edit.Body.TryGetProperty("content", out var content) ? content.GetString() ?? "" : "";
    }

    private static string S(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
