using System.Text.Json.Serialization;

namespace BotHost.Discord.Gateway;

// Outgoing payloads and the two incoming bodies the client reads. Property names become snake_case
// through GatewayJsonContext.

internal sealed record HeartbeatCommand(
    int Op,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D);

internal sealed record IdentifyCommand(int Op, IdentifyData D);

internal sealed record IdentifyData(string Token, IdentifyProperties Properties, int Intents, int[]? Shard);

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumeCommand(int Op, ResumeData D);

internal sealed record ResumeData(string Token, string SessionId, long Seq);

internal sealed record HelloData(int HeartbeatInterval);

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl);
