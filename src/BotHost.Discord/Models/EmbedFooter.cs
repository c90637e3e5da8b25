namespace BotHost.Discord.Models;

/// <summary>Text ≤ 2048.</summary>
public sealed record EmbedFooter
{
    public required string Text { get; init; }

    public string? IconUrl { get; init; }
}
