using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Server-side check of interaction callback, follow-up and edit bodies (FACTS §5, §8), written independently of
/// the client's checks: message limits through <see cref="FakeMessageValidator"/>, plus the callback rules
/// (known type, allowed flags, ≤ 25 autocomplete choices, modal id/title/row counts).
/// </summary>
public static class FakeInteractionValidator
{
    /// <summary>SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2.</summary>
    private const int ResponseFlags = 4 | 64 | 4096 | 8192 | 32768;
    private const int Ephemeral = 64;

    /// <summary>The refusal (status and JSON body) for a bad callback body, or null when Discord would accept it.</summary>
    public static (int Status, JsonNode? Body)? ValidateCallback(JsonNode? body)
    {
        if (body is not JsonObject callback || callback["type"] is not JsonValue typeValue || !typeValue.TryGetValue<int>(out var type))
        {
            return Invalid("BASE_TYPE_REQUIRED", "This field is required", "type");
        }

        var data = callback["data"] as JsonObject;
        return type switch
        {
            1 or 6 => null,
            5 => Flags(data, Ephemeral, "data"),
            4 => ValidateMessage(data, create: true, "data"),
            7 => ValidateMessage(data ?? [], create: false, "data"),
            8 => Choices(data),
            9 => Modal(data),
            _ => Invalid("BASE_TYPE_CHOICES", $"Value must be one of (1, 4, 5, 6, 7, 8, 9); {type} is not.", "type"),
        };
    }

    /// <summary>A follow-up (<paramref name="create"/>) or an edit of @original or of a follow-up.</summary>
    public static (int Status, JsonNode? Body)? ValidateMessage(JsonNode? body, bool create, string? prefix = null)
    {
        if (body is not JsonObject message)
        {
            return create ? FakeRestApi.Error(400, 50006, "Cannot send an empty message") : Invalid("BASE_TYPE_REQUIRED", "This field is required", prefix ?? "content");
        }

        if (create && FakeMessageValidator.IsEmpty(message))
        {
            return FakeRestApi.Error(400, 50006, "Cannot send an empty message");
        }

        if (FakeMessageValidator.Validate(message) is { } errors)
        {
            return FakeRestApi.InvalidForm(prefix is null ? errors : new JsonObject { [prefix] = errors });
        }

        return Flags(message, ResponseFlags, prefix);
    }

    private static (int, JsonNode?)? Flags(JsonObject? data, int allowed, string? prefix)
        => data?["flags"] is JsonValue flags && flags.TryGetValue<int>(out var value) && (value & ~allowed) != 0
            ? Invalid("MESSAGE_FLAGS_INVALID", $"Flags {value} include bits not allowed here (allowed: {allowed}).", Path(prefix, "flags"))
            : null;

    private static (int, JsonNode?)? Choices(JsonObject? data)
    {
        if (data?["choices"] is not JsonArray choices)
        {
            return Invalid("BASE_TYPE_REQUIRED", "This field is required", "data", "choices");
        }

        if (choices.Count > 25)
        {
            return Invalid("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.", "data", "choices");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (Text(choices[i]?["name"]) is not { Length: >= 1 and <= 100 })
            {
                return Invalid("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "data", "choices", $"{i}", "name");
            }

            if (choices[i]?["value"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 100)
            {
                return Invalid("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.", "data", "choices", $"{i}", "value");
            }
        }

        return null;
    }

    private static (int, JsonNode?)? Modal(JsonObject? data)
    {
        if (Text(data?["custom_id"]) is not { Length: >= 1 and <= 100 })
        {
            return Invalid("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "data", "custom_id");
        }

        if (Text(data?["title"]) is not { Length: >= 1 and <= 45 })
        {
            return Invalid("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.", "data", "title");
        }

        return data?["components"] is JsonArray { Count: >= 1 and <= 5 }
            ? null
            : Invalid("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.", "data", "components");
    }

    private static (int, JsonNode?) Invalid(string code, string message, params string[] path)
    {
        var errors = new JsonObject();
        FakeMessageValidator.Add(errors, code, message, path);
        return FakeRestApi.InvalidForm(errors);
    }

    private static string[] Path(string? prefix, string field) => prefix is null ? [field] : [prefix, field];

    private static string? Text(JsonNode? node) => node is null ? null : FakeMessageValidator.Text(node);
}
