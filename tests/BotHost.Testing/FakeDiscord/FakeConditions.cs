namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Conditions tests await on a fake's recordings. Each is checked when awaited and again after every change
/// the fake reports, so a test awaits the event itself instead of sleeping and looking.
/// </summary>
internal sealed class FakeConditions
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];

    /// <summary>Completes once <paramref name="condition"/> holds; fails naming <paramref name="description"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(Func<bool> condition, TimeSpan? timeout, string? description, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition())
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        var wait = timeout ?? DefaultWait;
        try
        {
            await done.Task.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Fake Discord: '{description}' did not hold within {wait.TotalSeconds} s.");
        }
    }

    /// <summary>Call after every change a condition may depend on.</summary>
    public void Changed()
    {
        lock (_lock)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
