namespace BotHost.Core.Delivery;

public enum SinkOutcome
{
    /// <summary>The message exists; its id is known.</summary>
    Posted,

    /// <summary>The channel is gone or closed to the bot (Discord 403/404): retrying cannot help, the subscription pauses.</summary>
    ChannelGone,

    /// <summary>The body was refused as invalid (Discord 400): a bug to fix, not a reason to pause the channel.</summary>
    Rejected,

    /// <summary>Try again later (5xx, 429 beyond the client's own retries, timeout, dropped connection); the message may exist.</summary>
    Transient,
}
