namespace BotHost.Operations;

/// <summary>
/// Settings of the "Operations" section: the HTTP listener for <c>/healthz</c>, <c>/readyz</c> and the Prometheus
/// scrape endpoint. Off unless turned on; loopback only unless told otherwise.
/// </summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    public bool Enabled { get; set; }

    /// <summary>The IP address to listen on; 0.0.0.0 (or ::) listens on every interface, as a container needs.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>9464 is the port Prometheus' exporter conventions give OpenTelemetry; 0 picks a free one.</summary>
    public int Port { get; set; } = 9464;

    public string MetricsPath { get; set; } = "/metrics";
}
