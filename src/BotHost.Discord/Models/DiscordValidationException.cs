namespace BotHost.Discord.Models;

/// <summary>A message payload breaks a Discord limit; thrown before anything is sent.</summary>
public sealed class DiscordValidationException : Exception
{
    public DiscordValidationException(string fieldPath, string limit)
        : base($"{fieldPath}: {limit}")
    {
        FieldPath = fieldPath;
        Limit = limit;
    }

    /// <summary>Where the problem is, e.g. "embeds[0].fields[3].value".</summary>
    public string FieldPath { get; }

    /// <summary>The broken rule in words, e.g. "must be at most 1024 characters (was 1500)".</summary>
    public string Limit { get; }
}
