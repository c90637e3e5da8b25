namespace BotHost.Core.Delivery;

/// <summary>Settings of the "Delivery" section.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>
    /// Names this process in delivery leases. A restart with the same id resumes its own unfinished deliveries at
    /// once; processes that share one database need different ids (default: the machine name).
    /// </summary>
    public string InstanceId { get; set; } = Environment.MachineName;

    /// <summary>How long a claimed delivery stays this process's without renewal; after that another process may take it over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>
    /// How long a part's nonce is trusted to dedupe a resend. Discord documents only "the past few minutes", so this
    /// stays well inside; beyond it the sender first looks for the part among the channel's recent messages.
    /// </summary>
    public int NonceWindowSeconds { get; set; } = 120;

    /// <summary>Messages posted this long before a part's first attempt are searched too (clock skew between us and Discord).</summary>
    public int SearchMarginSeconds { get; set; } = 60;

    /// <summary>Deliveries sent at once; the Discord client's buckets and global limit pace the requests themselves.</summary>
    public int MaxParallelSends { get; set; } = 16;

    /// <summary>How often pending deliveries are looked for (after a crash, a deferral, another process's expired lease).</summary>
    public int ScanIntervalSeconds { get; set; } = 30;

    /// <summary>First wait after a transient failure; it doubles per attempt up to <see cref="MaxRetryDelayMinutes"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int MaxRetryDelayMinutes { get; set; } = 30;

    /// <summary>Transient failures after which a delivery is given up (and its unsent stories released).</summary>
    public int MaxAttempts { get; set; } = 12;
}
