namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// The sizes of one system run. Full mode is issue 13's: 1,000,000 stories, a fan-out to 2,000 channels, 10,000
/// subscriptions in all, rounds of 100 concurrent interactions. Quick mode (bench/run --quick) keeps the same shape
/// at a tenth of the stories, a quarter of the fan-out channels (composing a digest costs about 20 ms whatever the
/// store's size) and two rounds of interactions, so the whole of bench/run stays under two minutes.
/// </summary>
internal sealed record SystemScale(bool Quick, int Stories, int FanoutChannels, int Subscriptions, int Concurrency, int InteractionRounds)
{
    /// <summary>Discord's limits scaled as the issue asks: 500 requests/s globally, 5 per 5 s per channel.</summary>
    public const int GlobalLimit = 500;
    public const int BucketLimit = 5;
    public static readonly TimeSpan BucketWindow = TimeSpan.FromSeconds(5);

    public static SystemScale Full { get; } = new(false, 1_000_000, 2_000, 10_000, 100, 10);

    public static SystemScale QuickRun { get; } = new(true, 100_000, 500, 2_000, 100, 2);
}
