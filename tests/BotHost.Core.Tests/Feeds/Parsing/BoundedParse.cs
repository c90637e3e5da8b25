namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>
/// Runs a parse on a worker and fails the test when it outlives its deadline, so a parser that stops advancing
/// fails CI instead of hanging it. The token is cancelled on timeout; the parser checks it while reading.
/// </summary>
internal static class BoundedParse
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static T Run<T>(Func<CancellationToken, T> parse, TimeSpan? deadline = null, string? what = null)
    {
        var limit = deadline ?? Deadline;
        using var cancel = new CancellationTokenSource();
        var work = Task.Run(() => parse(cancel.Token), TestContext.Current.CancellationToken);
        if (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(limit))
        {
            cancel.Cancel();
            Assert.Fail($"The parse{(what is null ? string.Empty : " of " + what)} did not finish within {limit.TotalSeconds} s.");
        }

        return work.GetAwaiter().GetResult();
    }
}
