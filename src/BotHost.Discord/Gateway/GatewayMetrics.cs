using System.Diagnostics.Metrics;

namespace BotHost.Discord.Gateway;

/// <summary>The "BotHost.Discord.Gateway" meter: reconnects, and whether a session is live.</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "BotHost.Discord.Gateway";

    private readonly Counter<long> _reconnects;
    private volatile GatewayClient? _observed;

    public GatewayMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName))
    {
    }

    private GatewayMetrics(Meter meter)
    {
        _reconnects = meter.CreateCounter<long>("bothost.discord.gateway.reconnects", "{reconnect}",
            "Gateway connections that ended and were followed by another, by how the next one starts (resume or identify).");
        meter.CreateObservableGauge("bothost.discord.gateway.connected", () => _observed?.IsConnected == true ? 1 : 0, "{session}", "1 while the gateway session is live.");
    }

    internal static GatewayMetrics Unscoped() => new(new Meter(MeterName));

    internal void Reconnecting(bool resume) => _reconnects.Add(1, new KeyValuePair<string, object?>("next", resume ? "resume" : "identify"));

    /// <summary>The gauge follows <paramref name="client"/> (the latest one built): 1 while it has a live session, else 0.</summary>
    internal void Observe(GatewayClient client) => _observed = client;
}
