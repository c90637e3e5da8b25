namespace BotHost.Discord.Gateway;

/// <summary>Where to connect and what to send after HELLO: exactly one of Identify or Resume.</summary>
internal sealed record ConnectionPlan(Uri Url, IdentifyData? Identify, ResumeData? Resume);
