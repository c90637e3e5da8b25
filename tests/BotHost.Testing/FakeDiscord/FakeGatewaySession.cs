using System.Text.Json;

namespace BotHost.Testing.FakeDiscord;

/// <summary>A session's dispatch log, kept so RESUME can replay what the client missed. Guarded by FakeGateway's lock.</summary>
internal sealed class FakeGatewaySession(string id)
{
    private readonly List<(long Sequence, string Json)> _events = [];
    private long _sequence;

    public string Id => id;

    public bool IsValid { get; private set; } = true;

    /// <summary>The socket live dispatches go to; null while the client is away.</summary>
    public FakeGatewayConnection? Attached { get; set; }

    public (long Sequence, string Json) Append(string eventName, string dataJson)
    {
        var sequence = ++_sequence;
        var json = $$"""{"op":0,"s":{{sequence}},"t":{{JsonSerializer.Serialize(eventName, FakeGatewayJsonContext.Default.String)}},"d":{{dataJson}}}""";
        _events.Add((sequence, json));
        return (sequence, json);
    }

    /// <summary>The sequence of the newest event the session holds.</summary>
    public long LatestSequence => _sequence;

    /// <summary>Forgets events after <paramref name="sequence"/>, as if Discord had lost them.</summary>
    public void Truncate(long sequence)
    {
        _events.RemoveAll(e => e.Sequence > sequence);
        _sequence = Math.Min(_sequence, sequence);
    }

    public IReadOnlyList<string> EventsAfter(long sequence)
        => [.. _events.Where(e => e.Sequence > sequence).Select(e => e.Json)];

    public void Invalidate() => IsValid = false;
}
