namespace BotHost.Testing.FakeDiscord;

/// <summary>A heartbeat seen by the fake gateway: its <c>d</c> (last sequence or null) and arrival time.</summary>
public sealed record FakeGatewayHeartbeat(long? Sequence, DateTimeOffset ReceivedAt);
