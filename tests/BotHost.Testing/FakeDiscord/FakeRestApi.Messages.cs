using System.Globalization;
using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

// Channel messages: create (with nonce dedupe and the limits check), edit, delete, and the recent-messages read.
public sealed partial class FakeRestApi
{
    internal (int, JsonNode?) CreateMessage(ulong channelId, string body)
    {
        if (Guilds.MessageCreateRefusal(channelId, Options.ApplicationId) is { } refused)
        {
            return refused;
        }

        if (Parse(body) is not { } json)
        {
            return Error(400, 50109, "The request body contains invalid JSON.");
        }

        if (FakeMessageValidator.IsEmpty(json))
        {
            return Error(400, 50006, "Cannot send an empty message");
        }

        if (FakeMessageValidator.Validate(json) is { } errors)
        {
            return InvalidForm(errors);
        }

        var nonce = json["nonce"] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
        var enforce = json["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var b) && b;
        lock (_createLock)
        {
            var now = _time.GetUtcNow();
            if (enforce && nonce is not null
                && _nonces.TryGetValue((channelId, nonce), out var seen) && now - seen.At < Options.NonceWindow
                && _messages.TryGetValue(seen.MessageId, out var existing))
            {
                return (200, existing.Json.DeepClone());
            }

            var id = (ulong)Interlocked.Increment(ref _nextId);
            var message = new JsonObject
            {
                ["id"] = Id(id),
                ["channel_id"] = Id(channelId),
                ["type"] = 0,
                ["content"] = json["content"]?.DeepClone() ?? string.Empty,
                ["author"] = new JsonObject { ["id"] = Id(Options.ApplicationId), ["username"] = "fake-bot", ["bot"] = true },
                ["embeds"] = json["embeds"]?.DeepClone() ?? new JsonArray(),
                ["components"] = json["components"]?.DeepClone() ?? new JsonArray(),
                ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["edited_timestamp"] = null,
                ["flags"] = json["flags"]?.DeepClone() ?? 0,
            };
            if (nonce is not null)
            {
                message["nonce"] = nonce;
                _nonces[(channelId, nonce)] = (id, now);
            }

            _messages[id] = new FakeMessage(id, channelId, json["content"]?.GetValue<string>(), nonce, message, Deleted: false);
            Interlocked.Increment(ref _created);
            return (200, message.DeepClone());
        }
    }

    internal (int, JsonNode?) EditMessage(ulong channelId, ulong messageId, string body)
    {
        if (Parse(body) is not { } json)
        {
            return Error(400, 50109, "The request body contains invalid JSON.");
        }

        if (!_messages.TryGetValue(messageId, out var current) || current.Deleted || current.ChannelId != channelId)
        {
            return Error(404, 10008, "Unknown Message");
        }

        if (FakeMessageValidator.Validate(json) is { } errors)
        {
            return InvalidForm(errors);
        }

        var updated = (JsonObject)current.Json.DeepClone();
        foreach (var field in new[] { "content", "embeds", "components", "flags" })
        {
            if (json.ContainsKey(field))
            {
                updated[field] = json[field]?.DeepClone();
            }
        }

        updated["edited_timestamp"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        _messages[messageId] = current with { Content = updated["content"]?.GetValue<string>(), Json = updated };
        return (200, updated.DeepClone());
    }

    internal (int, JsonNode?) DeleteMessage(ulong channelId, ulong messageId)
    {
        if (!_messages.TryGetValue(messageId, out var current) || current.Deleted || current.ChannelId != channelId)
        {
            return Error(404, 10008, "Unknown Message");
        }

        _messages[messageId] = current with { Deleted = true };
        return (204, null);
    }

    /// <summary>GET /channels/{id}/messages?limit=N[&amp;before=id]: newest first, deleted ones left out.</summary>
    internal (int, JsonNode?) ListMessages(ulong channelId, string? limitText, string? beforeText)
    {
        if (Guilds.ReadRefusal(channelId) is { } refused)
        {
            return refused;
        }

        var limit = 50;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Error(400, 50035, "Invalid Form Body: limit must be between 1 and 100");
        }

        var before = ulong.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : ulong.MaxValue;
        var list = new JsonArray();
        foreach (var message in _messages.Values.Where(m => m.ChannelId == channelId && !m.Deleted && m.Id < before).OrderByDescending(m => m.Id).Take(limit))
        {
            list.Add(message.Json.DeepClone());
        }

        return (200, list);
    }
}
