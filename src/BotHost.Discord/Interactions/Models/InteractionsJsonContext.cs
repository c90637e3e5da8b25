using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>
/// Source-generated serializer for the interaction wire types, with the same options as
/// <see cref="BotHost.Discord.Models.DiscordJsonContext"/>. A separate context because the System.Text.Json
/// generator cannot take [JsonSerializable] attributes from two partial declarations of one context
/// (dotnet/runtime#99669: duplicate hintName, the whole context fails to generate).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandDefinition>))]
[JsonSerializable(typeof(List<RegisteredApplicationCommand>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class InteractionsJsonContext : JsonSerializerContext;
