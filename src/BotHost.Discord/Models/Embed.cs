namespace BotHost.Discord.Models;

/// <summary>A rich embed; the limits are enforced by <see cref="DiscordLimits"/> before sending.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    /// <summary>ISO 8601 timestamp shown in the footer.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>RGB, 0..16777215.</summary>
    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedAuthor? Author { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
