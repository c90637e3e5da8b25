namespace BotHost.Testing.Metrics;

/// <summary>One measurement: instrument name, value and tags.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
