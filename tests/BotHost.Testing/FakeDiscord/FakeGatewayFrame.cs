namespace BotHost.Testing.FakeDiscord;

/// <summary>One payload the client sent to the fake gateway, with the fake clock's time of arrival.</summary>
public sealed record FakeGatewayFrame(int Op, string Json, DateTimeOffset ReceivedAt);
