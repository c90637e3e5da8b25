using System.Text.Json;

namespace BotHost.Discord.Models;

/// <summary>Error body (D: Reference › Error Messages); 50035 nests field errors under <see cref="Errors"/>.</summary>
public sealed record DiscordErrorResponse
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }
}
