using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// Source-generated serializer for every Discord wire type. Each area (Rest, Gateway,
/// Interactions) adds its <c>[JsonSerializable]</c> attributes in its own partial file.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(string))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
