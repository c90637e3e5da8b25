namespace BotHost.Core.Collecting;

/// <summary>A parse ran past Feeds:ParseTimeoutSeconds (or an earlier one of the same feed still runs); the message says which.</summary>
public sealed class ParseTimeoutException(string message) : Exception(message);
