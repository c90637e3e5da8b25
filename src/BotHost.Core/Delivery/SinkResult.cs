namespace BotHost.Core.Delivery;

/// <summary>What posting one part did; <see cref="Reason"/> says why in words an operator can act on.</summary>
public sealed record SinkResult(SinkOutcome Outcome, ulong? MessageId, string? Reason, TimeSpan? RetryAfter = null)
{
    public static SinkResult Posted(ulong messageId) => new(SinkOutcome.Posted, messageId, null);

    public static SinkResult ChannelGone(string reason) => new(SinkOutcome.ChannelGone, null, reason);

    public static SinkResult Rejected(string reason) => new(SinkOutcome.Rejected, null, reason);

    public static SinkResult Transient(string reason, TimeSpan? retryAfter = null) => new(SinkOutcome.Transient, null, reason, retryAfter);
}
