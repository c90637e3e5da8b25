using System.Text;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Gateway;

// Outgoing payloads and the two incoming bodies the client reads. Property names become snake_case
// through GatewayJsonContext.

internal sealed record HeartbeatCommand(
    int Op,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D);

internal sealed record IdentifyCommand(int Op, IdentifyData D);

internal sealed record IdentifyData(string Token, IdentifyProperties Properties, int Intents, int[]? Shard)
{
    // The bot token must never reach a log line through a record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = <redacted>, Properties = ").Append(Properties)
            .Append(", Intents = ").Append(Intents)
            .Append(", Shard = ").Append(Shard is null ? "null" : "[" + string.Join(", ", Shard) + "]");
        return true;
    }
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumeCommand(int Op, ResumeData D);

internal sealed record ResumeData(string Token, string SessionId, long Seq)
{
    // The bot token must never reach a log line through a record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = <redacted>, SessionId = ").Append(SessionId).Append(", Seq = ").Append(Seq);
        return true;
    }
}

internal sealed record HelloData(int HeartbeatInterval);

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl);
