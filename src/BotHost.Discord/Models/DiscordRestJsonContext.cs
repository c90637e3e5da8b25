using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// Serializer for the REST payloads. Each area (Rest, Gateway, Interactions) has its own context with
/// these same options: the source generator fails when [JsonSerializable] attributes sit on more than
/// one partial declaration of a context (dotnet/runtime#99669).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(MessageEdit))]
[JsonSerializable(typeof(DiscordErrorResponse))]
[JsonSerializable(typeof(RateLimitResponse))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(List<Role>))]
[JsonSerializable(typeof(List<Message>))]
internal sealed partial class DiscordRestJsonContext : JsonSerializerContext;
