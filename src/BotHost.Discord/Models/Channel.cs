using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// A channel as GET /channels/{id} returns it, reduced to what permission checks need (D: Channel › Channel
/// Object). <c>type</c> 0 = GUILD_TEXT, 5 = GUILD_ANNOUNCEMENT, 10/11/12 threads, 15 forum, 16 media. A thread's
/// permissions come from its parent channel (<see cref="ParentId"/>).
/// </summary>
public sealed record Channel
{
    public const int GuildText = 0;
    public const int GuildAnnouncement = 5;
    public const int AnnouncementThread = 10;
    public const int PublicThread = 11;
    public const int PrivateThread = 12;

    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public int Type { get; init; }

    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong? GuildId { get; init; }

    public string? Name { get; init; }

    /// <summary>The category of a channel, or the channel a thread lives in.</summary>
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong? ParentId { get; init; }

    /// <summary>Absent on threads: they use their parent's overwrites.</summary>
    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }

    [JsonIgnore]
    public bool IsThread => Type is AnnouncementThread or PublicThread or PrivateThread;
}
