using System.Collections.Concurrent;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// An in-memory sink: keeps every message "posted" per channel, dedupes a nonce it has seen (as Discord does with
/// enforce_nonce), finds parts by marker, and can be told to refuse a channel or fail transiently.
/// </summary>
public sealed class RecordingSink : ISink
{
    private readonly Lock _lock = new();
    private readonly List<(ChannelKey Channel, ulong Id, DigestPart Part, string Nonce)> _posted = [];
    private ulong _nextId = 1000;

    /// <summary>Channels answered with <see cref="SinkOutcome.ChannelGone"/> (a 403).</summary>
    public ConcurrentDictionary<ChannelKey, string> GoneChannels { get; } = new();

    /// <summary>How many of the next posts fail transiently (a 5xx after the client's retries).</summary>
    public int TransientFailures { get; set; }

    /// <summary>Posts that are stored but answered as transient (the answer was lost after Discord stored the message).</summary>
    public int LostAnswers { get; set; }

    /// <summary>When false, a repeated nonce posts again (Discord's dedupe window has passed).</summary>
    public bool NonceDedupes { get; set; } = true;

    public int PostAttempts { get; private set; }

    public int Searches { get; private set; }

    public IReadOnlyList<(ChannelKey Channel, ulong Id, DigestPart Part, string Nonce)> Posted
    {
        get
        {
            lock (_lock)
            {
                return [.. _posted];
            }
        }
    }

    public IReadOnlyList<DigestPart> PartsIn(ChannelKey channel) => [.. Posted.Where(p => p.Channel == channel).Select(p => p.Part)];

    public Task<SinkResult> PostAsync(ChannelKey channel, DigestPart part, string nonce, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            PostAttempts++;
            if (GoneChannels.TryGetValue(channel, out var reason))
            {
                return Task.FromResult(SinkResult.ChannelGone(reason));
            }

            if (TransientFailures > 0)
            {
                TransientFailures--;
                return Task.FromResult(SinkResult.Transient("injected 502"));
            }

            var existing = _posted.FindIndex(p => p.Channel == channel && p.Nonce == nonce);
            if (existing >= 0 && NonceDedupes)
            {
                return Task.FromResult(SinkResult.Posted(_posted[existing].Id));
            }

            var id = ++_nextId;
            _posted.Add((channel, id, part, nonce));
            if (LostAnswers > 0)
            {
                LostAnswers--;
                return Task.FromResult(SinkResult.Transient("answer lost after the message was stored"));
            }

            return Task.FromResult(SinkResult.Posted(id));
        }
    }

    public Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Searches++;
            var found = _posted.FindLast(p => p.Channel == channel && p.Part.Marker == part.Marker);
            return Task.FromResult(found.Part is null ? SinkSearch.NotFound : SinkSearch.Found(found.Id));
        }
    }
}
