using System.Text.Json;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// One request the fake REST API received. <see cref="Status"/> is 0 when the connection was dropped or the
/// client gave up before an answer; <see cref="Committed"/> says the route's handler ran and its effect
/// (a stored message, an acknowledged callback) stands, whatever answer the client got; <see cref="ErrorCode"/>
/// is the JSON error code of a refusal (e.g. 40060, 50013).
/// </summary>
public sealed record FakeRestRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status,
    bool Committed = false,
    int? ErrorCode = null)
{
    /// <summary>The body's <c>nonce</c> as text (Discord accepts a string or an integer), or null when absent.</summary>
    public string? Nonce
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("nonce", out var nonce)
                    ? nonce.ValueKind == JsonValueKind.String ? nonce.GetString() : nonce.GetRawText()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
