namespace BotHost.Discord.Models;

/// <summary>Component type 1: holds up to 5 buttons (legacy, non-components-v2 messages).</summary>
public sealed record ActionRow
{
    public int Type { get; init; } = 1;

    public IReadOnlyList<Button> Components { get; init; } = [];
}
