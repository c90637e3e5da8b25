namespace BotHost.Discord.Gateway;

/// <summary>Why the gateway client stopped for good.</summary>
/// <param name="IsFatal">True when Discord refused the connection in a way retrying cannot fix.</param>
/// <param name="CloseCode">The gateway close code behind a fatal stop, when there was one.</param>
/// <param name="Reason">What happened and, when fatal, which setting to fix.</param>
public sealed record GatewayStopped(bool IsFatal, int? CloseCode, string Reason);
