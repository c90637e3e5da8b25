namespace BotHost.Discord.Rest;

/// <summary>
/// Waits for a rate-limit deadline measured on the wall clock. Timers truncate to whole milliseconds and run
/// on a different clock than <see cref="TimeProvider.GetUtcNow"/>, so a single delay can end a little early;
/// arriving before the reset earns a 429, hence the round-up and the re-check loop.
/// </summary>
internal static class RateLimitDelay
{
    /// <param name="waiting">Told each wait once its timer exists (e.g. to log it), so a fake clock advanced after that always fires it.</param>
    public static async Task UntilAsync(Func<TimeSpan> remaining, TimeProvider time, CancellationToken cancellationToken, Action<TimeSpan>? waiting = null)
    {
        for (var delay = remaining(); delay > TimeSpan.Zero; delay = remaining())
        {
            var wait = Task.Delay(RoundUp(delay), time, cancellationToken);
            waiting?.Invoke(delay);
            await wait.ConfigureAwait(false);
        }
    }

    public static TimeSpan RoundUp(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
}
