using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>A command as sent in a bulk overwrite (FACTS §7).</summary>
public sealed record ApplicationCommandDefinition
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }

    /// <summary>Permission bit set; <c>0</c> means administrators only. Sent as a string.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? DefaultMemberPermissions { get; init; }

    /// <summary>0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL; global commands only.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}
