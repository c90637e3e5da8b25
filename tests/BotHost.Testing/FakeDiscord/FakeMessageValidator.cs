using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Server-side check of message limits, written independently of the client's checks so tests catch a client
/// that lets a bad payload through. Answers Discord's nested 50035 "errors" shape.
/// </summary>
public static class FakeMessageValidator
{
    /// <summary>The nested errors object, or null when the body is valid.</summary>
    public static JsonObject? Validate(JsonObject body)
    {
        var errors = new JsonObject();
        MaxLength(errors, body["content"], 2000, "content");
        MaxLength(errors, body["nonce"], 25, "nonce");
        if (body["embeds"] is JsonArray embeds)
        {
            ValidateEmbeds(errors, embeds);
        }

        if (body["components"] is JsonArray rows)
        {
            MaxItems(errors, rows, 5, "components");
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r]?["components"] is not JsonArray buttons)
                {
                    continue;
                }

                MaxItems(errors, buttons, 5, "components", $"{r}", "components");
                for (var b = 0; b < buttons.Count; b++)
                {
                    MaxLength(errors, buttons[b]?["label"], 80, "components", $"{r}", "components", $"{b}", "label");
                    if (buttons[b]?["custom_id"] is JsonNode id && Text(id) is { Length: 0 or > 100 })
                    {
                        Add(errors, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "components", $"{r}", "components", $"{b}", "custom_id");
                    }
                }
            }
        }

        return errors.Count == 0 ? null : errors;
    }

    /// <summary>True when the body has none of content, embeds, components (Discord's 50006).</summary>
    public static bool IsEmpty(JsonObject body)
        => string.IsNullOrEmpty(body["content"] is JsonNode c ? Text(c) : null)
            && body["embeds"] is not JsonArray { Count: > 0 }
            && body["components"] is not JsonArray { Count: > 0 };

    private static void ValidateEmbeds(JsonObject errors, JsonArray embeds)
    {
        MaxItems(errors, embeds, 10, "embeds");
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i];
            var index = $"{i}";
            total += MaxLength(errors, embed?["title"], 256, "embeds", index, "title");
            total += MaxLength(errors, embed?["description"], 4096, "embeds", index, "description");
            total += MaxLength(errors, embed?["footer"]?["text"], 2048, "embeds", index, "footer", "text");
            total += MaxLength(errors, embed?["author"]?["name"], 256, "embeds", index, "author", "name");
            if (embed?["fields"] is JsonArray fields)
            {
                MaxItems(errors, fields, 25, "embeds", index, "fields");
                for (var f = 0; f < fields.Count; f++)
                {
                    total += MaxLength(errors, fields[f]?["name"], 256, "embeds", index, "fields", $"{f}", "name");
                    total += MaxLength(errors, fields[f]?["value"], 1024, "embeds", index, "fields", $"{f}", "value");
                }
            }
        }

        if (total > 6000)
        {
            Add(errors, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000", "embeds");
        }
    }

    /// <summary>Checks one string and returns its trimmed length (what the 6000 total counts).</summary>
    private static int MaxLength(JsonObject errors, JsonNode? node, int max, params string[] path)
    {
        if (node is null || Text(node) is not { } text)
        {
            return 0;
        }

        if (text.Length > max)
        {
            Add(errors, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.", path);
        }

        return text.Trim().Length;
    }

    private static void MaxItems(JsonObject errors, JsonArray array, int max, params string[] path)
    {
        if (array.Count > max)
        {
            Add(errors, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.", path);
        }
    }

    internal static void Add(JsonObject errors, string code, string message, params string[] path)
    {
        var node = errors;
        foreach (var segment in path)
        {
            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    internal static string? Text(JsonNode node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}
