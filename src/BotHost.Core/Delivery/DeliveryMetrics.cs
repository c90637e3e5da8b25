using System.Diagnostics.Metrics;

namespace BotHost.Core.Delivery;

/// <summary>The "BotHost.Delivery" meter: digest messages sent and how each delivery run ended.</summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "BotHost.Delivery";

    private readonly Counter<long> _partsSent;
    private readonly Counter<long> _runs;

    public DeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _partsSent = meter.CreateCounter<long>("bothost.digest.parts.sent", "{message}",
            "Digest messages confirmed in a channel: posted, or found there by their marker after an unknown outcome.");
        _runs = meter.CreateCounter<long>("bothost.digest.deliveries", "{delivery}",
            "Delivery runs by result: sent, deferred (retried later), failed (given up or channel gone).");
    }

    public void PartSent(bool foundBySearch) => _partsSent.Add(1, new KeyValuePair<string, object?>("how", foundBySearch ? "found" : "posted"));

    public void DeliveryEnded(DeliveryStatus status) => _runs.Add(1, new KeyValuePair<string, object?>("result", status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        _ => "deferred",
    }));
}
