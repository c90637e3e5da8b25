using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotHost.Tests.Bridge;

/// <summary>Interaction payloads shaped as Discord sends them (snowflakes and permission sets as strings).</summary>
public static class InteractionJson
{
    public const ulong Guild = 77;
    public const ulong Channel = 88;
    public const ulong ApplicationId = 1100000000000000001;
    public const ulong ManageChannels = 1 << 4;
    public const ulong BotCanPost = (1 << 10) | (1 << 11) | (1 << 14);

    public static string Slash(
        ulong id, string token, string name, JsonArray? options = null, ulong memberPermissions = ManageChannels, ulong? appPermissions = BotCanPost,
        int type = 2, JsonObject? resolved = null, string[]? roles = null, ulong guild = Guild)
    {
        var data = new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1, ["options"] = options ?? [] };
        if (resolved is not null)
        {
            data["resolved"] = resolved;
        }

        var interaction = new JsonObject
        {
            ["id"] = S(id),
            ["application_id"] = S(ApplicationId),
            ["type"] = type,
            ["token"] = token,
            ["guild_id"] = S(guild),
            ["channel_id"] = S(Channel),
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "5", ["username"] = "ada" },
                ["permissions"] = S(memberPermissions),
                ["roles"] = new JsonArray([.. (roles ?? []).Select(r => (JsonNode)r)]),
            },
            ["data"] = data,
        };
        if (appPermissions is { } app)
        {
            interaction["app_permissions"] = S(app);
        }

        return interaction.ToJsonString();
    }

    public static JsonObject Option(string name, object value, int type = 3, bool focused = false)
    {
        var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = JsonValue.Create(JsonSerializer.SerializeToElement(value)) };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    public static JsonArray Options(params JsonObject[] options) => [.. options];

    public static string Button(ulong id, string token, string customId, ulong memberPermissions = ManageChannels) => new JsonObject
    {
        ["id"] = S(id),
        ["application_id"] = S(ApplicationId),
        ["type"] = 3,
        ["token"] = token,
        ["guild_id"] = S(Guild),
        ["channel_id"] = S(Channel),
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "5", ["username"] = "ada" }, ["permissions"] = S(memberPermissions) },
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
    }.ToJsonString();

    private static string S(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
