namespace BotHost.Discord.Interactions.Registration;

/// <summary>Which scopes were actually overwritten; false means the stored hash matched and nothing was sent.</summary>
public sealed record CommandRegistrationResult(string Hash, bool GlobalUpdated, bool GuildUpdated);
