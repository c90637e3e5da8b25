using System.Text.Json.Serialization;

namespace BotHost.Discord.Gateway;

/// <summary>
/// Serializer for gateway wire types. A context of its own rather than a partial of DiscordJsonContext:
/// the System.Text.Json generator fails when [JsonSerializable] attributes are spread over several
/// partial declarations of one context (dotnet/runtime#99669).
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
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
