using System.Text.Json.Nodes;

namespace BotHost.Testing.FakeDiscord;

/// <summary>A message the fake holds; <see cref="Json"/> is what it answers with (a snapshot, safe to read).</summary>
public sealed record FakeMessage(ulong Id, ulong ChannelId, string? Content, string? Nonce, JsonObject Json, bool Deleted);
