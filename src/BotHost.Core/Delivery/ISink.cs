using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>
/// Where digest parts go: Discord (the bridge's sink) or the console of the offline run. Expected failures come
/// back as results; only bugs throw.
/// </summary>
public interface ISink
{
    /// <summary>Posts one part. The same <paramref name="nonce"/> on a retry must not post it twice (Discord: enforce_nonce).</summary>
    Task<SinkResult> PostAsync(ChannelKey channel, DigestPart part, string nonce, CancellationToken cancellationToken);

    /// <summary>
    /// Looks among the channel's messages posted since <paramref name="since"/> for one of ours carrying the part's
    /// <see cref="DigestPart.Marker"/>: how a part whose outcome is unknown beyond the nonce window is found again.
    /// </summary>
    Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken);
}
