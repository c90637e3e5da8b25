using System.Text.Json;

namespace BotHost.Discord.Rest;

/// <summary>
/// Flattens Discord's nested "errors" object (D: Reference › Error Messages): objects keyed by field name or
/// array index, with leaves under "_errors". Index keys become [n] so paths match our validation paths.
/// </summary>
internal static class FieldErrorReader
{
    private const int MaxDepth = 16;

    public static IReadOnlyList<DiscordFieldError> Read(JsonElement? errors)
    {
        var result = new List<DiscordFieldError>();
        if (errors is { ValueKind: JsonValueKind.Object } root)
        {
            Walk(root, string.Empty, 0, result);
        }

        return result;
    }

    private static void Walk(JsonElement node, string path, int depth, List<DiscordFieldError> result)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    result.Add(new DiscordFieldError(
                        path.Length == 0 ? "(body)" : path,
                        Text(error, "code"),
                        Text(error, "message")));
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                var segment = property.Name.All(char.IsAsciiDigit) ? $"[{property.Name}]"
                    : path.Length == 0 ? property.Name
                    : "." + property.Name;
                Walk(property.Value, path + segment, depth + 1, result);
            }
        }
    }

    private static string Text(JsonElement error, string name)
        => error.ValueKind == JsonValueKind.Object && error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? string.Empty
            : string.Empty;
}
