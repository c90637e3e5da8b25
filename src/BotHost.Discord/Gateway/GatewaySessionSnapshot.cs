using System.Text.Json;

namespace BotHost.Discord.Gateway;

/// <summary>
/// What a restart needs to resume instead of identifying (Discord:Gateway:KeepSessionOnStop): the session id,
/// the last sequence handed to the consumer and the resume URL from READY, and when it was saved. No token.
/// </summary>
public sealed record GatewaySessionSnapshot(string SessionId, long Sequence, string ResumeGatewayUrl, DateTimeOffset SavedAt)
{
    public string ToJson() => JsonSerializer.Serialize(this, GatewayJsonContext.Default.GatewaySessionSnapshot);

    /// <summary>The snapshot in <paramref name="json"/>, or null when it is empty or unreadable (then the client identifies).</summary>
    public static GatewaySessionSnapshot? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, GatewayJsonContext.Default.GatewaySessionSnapshot) is { SessionId.Length: > 0, ResumeGatewayUrl.Length: > 0 } snapshot
                ? snapshot
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
