using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;

namespace BotHost.Hosting;

/// <summary>
/// The offline run's sink: "posts" a part by printing it. Like Discord it returns the first message again for a
/// nonce it has seen, so a retried part prints once per run.
/// </summary>
public sealed class ConsoleSink(TextWriter? output = null) : ISink
{
    private readonly TextWriter _out = output ?? Console.Out;
    private readonly Dictionary<string, ulong> _byNonce = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private ulong _nextId;

    public Task<SinkResult> PostAsync(ChannelKey channel, DigestPart part, string nonce, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byNonce.TryGetValue(nonce, out var id))
            {
                _out.Write(DigestConsoleText.Render(channel, part));
                _out.Flush();
                _byNonce[nonce] = id = ++_nextId;
            }

            return Task.FromResult(SinkResult.Posted(id));
        }
    }

    /// <summary>Printed lines cannot be read back; a part left unknown by a crash is printed again.</summary>
    public Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken)
        => Task.FromResult(SinkSearch.NotFound);
}
