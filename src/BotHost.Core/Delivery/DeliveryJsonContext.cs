using System.Text.Json.Serialization;
using BotHost.Core.Digests;

namespace BotHost.Core.Delivery;

/// <summary>The outbox stores rendered parts as JSON so a resumed delivery sends exactly what was composed.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DigestPart))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
