using System.Text.Json.Serialization;

namespace BotHost.Discord.Gateway;

/// <summary>
/// Serializer for gateway wire types, one context per area (see DiscordRestJsonContext for why).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(HeartbeatCommand))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(GatewaySessionSnapshot))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
