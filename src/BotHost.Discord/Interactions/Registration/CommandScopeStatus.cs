namespace BotHost.Discord.Interactions.Registration;

/// <summary>One registration scope ("global:{app}" or "guild:{app}:{guild}"): the hash of today's definitions and the one last registered (null: never).</summary>
public sealed record CommandScopeStatus(string Scope, string CurrentHash, string? StoredHash)
{
    public bool IsCurrent => string.Equals(CurrentHash, StoredHash, StringComparison.Ordinal);
}
