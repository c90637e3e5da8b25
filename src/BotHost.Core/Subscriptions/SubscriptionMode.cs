namespace BotHost.Core.Subscriptions;

/// <summary>How a subscription is delivered: a digest every day or once a week at a local time, or each story as it comes.</summary>
public enum SubscriptionMode
{
    Daily,
    Weekly,
    Instant,
}
