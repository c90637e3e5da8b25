namespace BotHost.Core.Subscriptions;

/// <summary>The outcome of a subscription change: the stored subscription, or why nothing was changed.</summary>
public sealed record SubscriptionResult
{
    private SubscriptionResult(Subscription? subscription, string? error, bool created)
    {
        Subscription = subscription;
        Error = error;
        Created = created;
    }

    public Subscription? Subscription { get; }

    /// <summary>What to fix, addressed to the member; null on success.</summary>
    public string? Error { get; }

    /// <summary>True when the change created the subscription (not an update).</summary>
    public bool Created { get; }

    public bool Succeeded => Error is null;

    public static SubscriptionResult Ok(Subscription subscription, bool created = false) => new(subscription, null, created);

    public static SubscriptionResult Fail(string error) => new(null, error, false);
}
