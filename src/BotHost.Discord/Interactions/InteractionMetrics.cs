using System.Diagnostics.Metrics;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions;

/// <summary>
/// The "BotHost.Discord.Interactions" meter: how long an interaction waited for its acknowledgement (Discord allows
/// 3 s), by interaction type and whether the acknowledgement was a deferral.
/// </summary>
public sealed class InteractionMetrics
{
    public const string MeterName = "BotHost.Discord.Interactions";

    private readonly Histogram<double> _acknowledged;

    public InteractionMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName))
    {
    }

    private InteractionMetrics(Meter meter) =>
        _acknowledged = meter.CreateHistogram<double>("bothost.discord.interactions.ack.duration", "s",
            "Time from receiving an interaction to handing Discord its initial response (answer or deferral).",
            tags: null,
            // Seconds around Discord's 3-second deadline, not the exporter's millisecond-shaped defaults.
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5] });

    internal static InteractionMetrics Unscoped() => new(new Meter(MeterName));

    internal void Acknowledged(InteractionType type, InteractionResponse response, TimeSpan elapsed) =>
        _acknowledged.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("type", type switch
            {
                InteractionType.ApplicationCommand => "command",
                InteractionType.MessageComponent => "component",
                InteractionType.ApplicationCommandAutocomplete => "autocomplete",
                InteractionType.ModalSubmit => "modal",
                _ => "other",
            }),
            new KeyValuePair<string, object?>("deferred", response.Type is InteractionCallbackType.DeferredChannelMessageWithSource or InteractionCallbackType.DeferredUpdateMessage));
}
