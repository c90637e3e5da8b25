namespace BotHost.Core.Sources;

/// <summary>The source added or removed, or why nothing changed (addressed to the member).</summary>
public sealed record GuildSourceResult(GuildSource? Source, string? Error, int ItemCount = 0)
{
    public bool Succeeded => Error is null;

    public static GuildSourceResult Fail(string error) => new(null, error);
}
