using System.Text.Json.Serialization;
using BotHost.Discord.Models;

namespace BotHost.Bridge.Delivery;

/// <summary>Embeds and button rows as JSON for interaction answers (/digest preview), with the REST client's naming.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Embed))]
[JsonSerializable(typeof(ActionRow))]
internal sealed partial class BridgeJsonContext : JsonSerializerContext;
