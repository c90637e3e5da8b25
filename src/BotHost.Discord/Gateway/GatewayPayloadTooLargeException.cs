namespace BotHost.Discord.Gateway;

/// <summary>A payload over Discord's 4096-byte send limit; sending it would get the socket closed with 4002.</summary>
public sealed class GatewayPayloadTooLargeException(string message) : Exception(message);
