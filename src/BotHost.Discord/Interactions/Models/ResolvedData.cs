namespace BotHost.Discord.Interactions.Models;

/// <summary>Details of the entities referenced by option values, keyed by snowflake string.</summary>
public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, ResolvedChannel>? Channels { get; init; }

    /// <summary>The target of a MESSAGE command.</summary>
    public IReadOnlyDictionary<string, ResolvedMessage>? Messages { get; init; }
}
