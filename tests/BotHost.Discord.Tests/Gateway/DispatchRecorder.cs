using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>Plays the host: drains the client's dispatch channel and lets tests await what arrived.</summary>
internal sealed class DispatchRecorder
{
    private readonly List<GatewayDispatch> _seen = [];
    private readonly List<(Func<IReadOnlyList<GatewayDispatch>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public DispatchRecorder(GatewayClient client) => Drained = DrainAsync(client);

    /// <summary>Completes when the client completes its channel.</summary>
    public Task Drained { get; }

    public IReadOnlyList<GatewayDispatch> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public Task WaitUntilAsync(Func<IReadOnlyList<GatewayDispatch>, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_seen)
        {
            if (condition(_seen))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task WaitForEventAsync(string eventName, int count = 1)
        => WaitUntilAsync(seen => seen.Count(d => d.EventName == eventName) >= count);

    private async Task DrainAsync(GatewayClient client)
    {
        await foreach (var dispatch in client.Dispatches.ReadAllAsync())
        {
            lock (_seen)
            {
                _seen.Add(dispatch);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Condition(_seen))
                    {
                        _waiters[i].Done.TrySetResult();
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }
    }
}
