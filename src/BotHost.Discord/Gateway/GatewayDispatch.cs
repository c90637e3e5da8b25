using System.Text.Json;

namespace BotHost.Discord.Gateway;

/// <summary>One op 0 event as received: <c>t</c>, <c>s</c> and the raw <c>d</c> (cloned, safe to keep).</summary>
public sealed record GatewayDispatch(string EventName, long Sequence, JsonElement Data);
