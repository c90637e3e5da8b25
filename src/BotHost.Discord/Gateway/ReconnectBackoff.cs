namespace BotHost.Discord.Gateway;

/// <summary>
/// Exponential backoff with jitter between failed connection attempts: 1 s, 2 s, 4 s … capped, each
/// drawn from [half, full] so many shards or bots restarting together do not reconnect in lockstep.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan cap, Random random)
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var full = TimeSpan.FromTicks((long)Math.Min(cap.Ticks, Initial.Ticks * Math.Pow(2, exponent)));
        return full / 2 + full / 2 * random.NextDouble();
    }

    public void Reset() => _failures = 0;
}
