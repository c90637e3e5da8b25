namespace BotHost.Discord.Models;

/// <summary>Name ≤ 256; urls ≤ 2048.</summary>
public sealed record EmbedAuthor
{
    public required string Name { get; init; }

    public string? Url { get; init; }

    public string? IconUrl { get; init; }
}
