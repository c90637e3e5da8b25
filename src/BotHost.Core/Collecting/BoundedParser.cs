using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Collections.Concurrent;
using BotHost.Core.Feeds;
using BotHost.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Collecting;

/// <summary>
/// Runs one parse on a thread of its own, bounded by Feeds:ParseTimeoutSeconds and by the caller's token.
/// The parse is synchronous and CPU-bound: it is asked to stop through its token, and when it does not
/// notice, the collector stops waiting for it anyway, so a runaway parse holds neither its source's round
/// nor the host's shutdown. A feed whose abandoned parse still runs is not parsed again until it ends, so
/// one pathological feed costs at most one thread.
/// </summary>
public sealed class BoundedParser(IFeedDocumentParser parser, IOptions<FeedOptions> options, TimeProvider time, ILogger<BoundedParser> logger)
{
    private readonly ConcurrentDictionary<string, Task> _abandoned = new(StringComparer.Ordinal);

    /// <exception cref="ParseTimeoutException">The parse ran past the bound, or an abandoned parse of this feed still runs.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the parse is abandoned.</exception>
    public async Task<ParsedFeed> ParseAsync(SourceDefinition source, byte[] body, FeedParseContext context, CancellationToken cancellationToken)
    {
        var feedKey = source.Location;
        var limit = options.Value.ParseTimeoutSeconds;
        if (_abandoned.TryGetValue(feedKey, out var running) && !running.IsCompleted)
        {
            throw new ParseTimeoutException(
                $"An earlier parse of this feed ran past Feeds:ParseTimeoutSeconds ({limit} s) and has still not stopped; the feed is not parsed again until it does.");
        }

        // The deadline's timer exists before the parse starts, so a fake clock advanced once the parse has begun always fires it.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(limit), time);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var parse = RunOnOwnThread(body, context, stop.Token);
        await ((Task)parse.WaitAsync(stop.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        if (parse.IsCompletedSuccessfully || (parse.IsCompleted && !stop.IsCancellationRequested))
        {
            stop.Dispose();
            return await parse;
        }

        if (parse.IsCompleted)
        {
            stop.Dispose();
        }
        else
        {
            Abandon(source, parse, stop);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new ParseTimeoutException(
            $"Parsing took longer than Feeds:ParseTimeoutSeconds ({limit} s) and was stopped; nothing of this fetch was stored. " +
            "The feed is pathological or very large (raise Feeds:ParseTimeoutSeconds if it is legitimately slow to parse).");
    }

    private Task<ParsedFeed> RunOnOwnThread(byte[] body, FeedParseContext context, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<ParsedFeed>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A dedicated background thread, not a pool thread: a parse that never ends must not starve the
        // pool, and must not keep the process alive at exit.
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(parser.Parse(body, context, cancellationToken));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "BotHost feed parse",
        };
        thread.Start();
        return done.Task;
    }

    private void Abandon(SourceDefinition source, Task parse, CancellationTokenSource stop)
    {
        var feedKey = source.Location;
        _abandoned[feedKey] = parse;
        var since = time.GetTimestamp();
        CollectingLog.ParseAbandoned(logger, source.Name);

        // The parse still reads its token, so the token's source lives until the parse ends.
        _ = parse.ContinueWith(
            _ =>
            {
                stop.Dispose();
                _abandoned.TryRemove(new KeyValuePair<string, Task>(feedKey, parse));
                CollectingLog.AbandonedParseEnded(logger, source.Name, time.GetElapsedTime(since));
            },
            TaskScheduler.Default);
    }
}
