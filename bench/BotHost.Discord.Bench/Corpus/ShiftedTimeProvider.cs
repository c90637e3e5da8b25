namespace BotHost.Discord.Bench.Corpus;

/// <summary>
/// The system clock moved so that "now" starts at the cached corpus's <see cref="StoryCorpus.Now"/>: a corpus built
/// days ago still has stories of the last 24 hours for digests and of the last week for /latest. Time still runs
/// at real speed, and timers and timestamps are the system's.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
