using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BotHost.Testing.Metrics;

/// <summary>
/// Records every measurement of one meter while it lives. Scoped to one <see cref="IMeterFactory"/> when given one, so
/// tests running in parallel with their own service providers never see each other's figures.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstOf = new(StringComparer.Ordinal);

    public MeasurementRecorder(string meterName, IMeterFactory? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads every observable instrument (gauges) now; their values join the recorded measurements.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Of(instrument).Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(m => m.Value);

    /// <summary>Completes once <paramref name="instrument"/> has recorded a measurement (at once if it already has).</summary>
    public Task WaitForAsync(string instrument, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var first = FirstOf(instrument);
        if (_measurements.Any(m => m.Instrument == instrument))
        {
            first.TrySetResult();
        }

        return first.Task.WaitAsync(timeout, cancellationToken);
    }

    public void Dispose() => _listener.Dispose();

    private TaskCompletionSource FirstOf(string instrument) =>
        _firstOf.GetOrAdd(instrument, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        FirstOf(instrument.Name).TrySetResult();
    }
}
