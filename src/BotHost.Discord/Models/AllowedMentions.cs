using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// Which mentions ping. Omitting it lets a normal message ping users, roles and @everyone, which a bot
/// reposting third-party text must never do, so <see cref="None"/> is the default everywhere.
/// </summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new();

    /// <summary>"users", "roles", "everyone"; empty suppresses every ping.</summary>
    public IReadOnlyList<string> Parse { get; init; } = [];

    [JsonConverter(typeof(SnowflakeListJsonConverter))]
    public IReadOnlyList<ulong>? Users { get; init; }

    [JsonConverter(typeof(SnowflakeListJsonConverter))]
    public IReadOnlyList<ulong>? Roles { get; init; }

    public bool? RepliedUser { get; init; }
}
