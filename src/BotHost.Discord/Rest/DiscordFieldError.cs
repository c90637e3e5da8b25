namespace BotHost.Discord.Rest;

/// <summary>One entry of a 50035 "Invalid Form Body", e.g. ("embeds[0].title", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.").</summary>
public sealed record DiscordFieldError(string Path, string Code, string Message);
