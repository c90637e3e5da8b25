namespace BotHost.Discord.Models;

/// <summary>Name ≤ 256, value ≤ 1024 (D: Message › Embed Limits).</summary>
public sealed record EmbedField
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public bool? Inline { get; init; }
}
