using System.Text.Json;

namespace BotHost.Discord.Rest;

/// <summary>Decides whether a request that may already have taken effect (timeout, dropped connection, 5xx) can be sent again.</summary>
internal static class RepeatSafety
{
    /// <summary>
    /// GET, PUT, DELETE and PATCH give the same result when repeated; a POST only when its body carries a nonce
    /// with enforce_nonce=true, which makes Discord return the first message instead of posting again.
    /// </summary>
    public static bool IsSafeToRepeat(DiscordRoute route, byte[]? body)
    {
        if (route.Method != HttpMethod.Post)
        {
            return true;
        }

        if (body is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True
                && root.TryGetProperty("nonce", out var nonce) && nonce.ValueKind is JsonValueKind.String or JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
