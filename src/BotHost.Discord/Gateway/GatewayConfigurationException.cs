namespace BotHost.Discord.Gateway;

/// <summary>Settings or gateway answers that make connecting pointless until an operator fixes them.</summary>
public sealed class GatewayConfigurationException(string message) : Exception(message);
