using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotHost.Discord.Tests.Rest;

/// <summary>
/// The acceptance property of the bench (1,000 messages, 20 channels, 50/s global, 5 per 5 s per channel:
/// ≥ 90% of the allowed 20 msg/s with zero 429s) checked on simulated time: the real bucket and global
/// limiter against the fake server's window model, with the clock jumping from one due timer to the next.
/// </summary>
public sealed class RateLimitThroughputTests
{
    private const int Channels = 20;
    private const int MessagesPerChannel = 50;
    private const int BucketLimit = 5;
    private static readonly TimeSpan BucketWindow = TimeSpan.FromSeconds(5);
    private const int GlobalLimit = 50;

    private readonly SteppedTimeProvider _time = new();
    private readonly FakeWindowLimiter _server = new();
    private readonly ConcurrentBag<DateTimeOffset> _sentAt = [];
    private int _violations;
    private int _finished;

    [Fact]
    public async Task Limiters_Sending1000MessagesTo20Channels_ReachAtLeast90PercentOfAllowedRateWithoutViolations()
    {
        var buckets = new RouteBuckets(_time, NullLogger.Instance);
        var global = new GlobalRateLimiter(GlobalLimit, TimeSpan.FromMilliseconds(20), _time);
        var start = _time.GetUtcNow();
        var senders = Enumerable.Range(1, Channels)
            .Select(c => Task.Run(() => SendAllAsync((ulong)c, buckets, global), TestContext.Current.CancellationToken))
            .ToList();

        await RunClockUntilAllFinishedAsync();
        await Task.WhenAll(senders);

        var elapsed = _sentAt.Max() - start;
        var achieved = Channels * MessagesPerChannel / elapsed.TotalSeconds;
        var allowed = Math.Min(GlobalLimit, Channels * BucketLimit / BucketWindow.TotalSeconds);
        var ratio = achieved / allowed;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"messages {_sentAt.Count}, simulated {elapsed.TotalSeconds:F2} s, achieved {achieved:F2}/s, allowed {allowed:F2}/s, ratio {ratio:F3}, violations {_violations}"));
        Assert.Equal(Channels * MessagesPerChannel, _sentAt.Count);
        Assert.Equal(0, _violations);
        Assert.True(ratio >= 0.9, string.Create(CultureInfo.InvariantCulture, $"achieved {achieved:F2}/s of allowed {allowed:F2}/s (ratio {ratio:F3}) over {elapsed.TotalSeconds:F2} s"));
    }

    private async Task SendAllAsync(ulong channel, RouteBuckets buckets, GlobalRateLimiter global)
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channel.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < MessagesPerChannel; i++)
        {
            var bucket = buckets.Get(route);
            await bucket.EnterAsync(TestContext.Current.CancellationToken);
            try
            {
                using var lease = await global.AcquireAsync(TestContext.Current.CancellationToken);
                var now = _time.GetUtcNow();
                var globalDecision = _server.TryAcquire("global", GlobalLimit, TimeSpan.FromSeconds(1), now);
                var decision = _server.TryAcquire($"messages:{channel}", BucketLimit, BucketWindow, now);
                if (!globalDecision.Allowed || !decision.Allowed)
                {
                    Interlocked.Increment(ref _violations);
                }

                buckets.Learn(route, "messages", bucket);
                bucket.Update(new RateLimitHeaders { Bucket = "messages", Limit = decision.Limit, Remaining = decision.Remaining, ResetAfter = decision.ResetAfter });
                _sentAt.Add(now);
            }
            finally
            {
                bucket.Exit();
            }
        }

        Interlocked.Increment(ref _finished);
    }

    /// <summary>
    /// Each sender is either running, waiting on exactly one timer, or finished. Once none is running, the
    /// clock jumps to the next due timer. Task.Yield (not a sleep) lets running senders reach their next wait.
    /// </summary>
    private async Task RunClockUntilAllFinishedAsync()
    {
        var guard = Stopwatch.StartNew();
        while (Volatile.Read(ref _finished) < Channels)
        {
            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(20), "simulation stalled");
            if (Volatile.Read(ref _finished) + _time.PendingTimers < Channels)
            {
                await Task.Yield();
                continue;
            }

            if (!_time.AdvanceToNextTimer() && Volatile.Read(ref _finished) < Channels)
            {
                await Task.Yield();
            }
        }
    }
}
