namespace BotHost.Testing.FakeDiscord;

/// <summary>One request the fake REST API received; <see cref="Status"/> is 0 when the connection was dropped.</summary>
public sealed record FakeRestRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status);
