using System.Text.Json.Serialization;

namespace BotHost.Testing.FakeDiscord;

[JsonSerializable(typeof(string))]
internal sealed partial class FakeGatewayJsonContext : JsonSerializerContext;
