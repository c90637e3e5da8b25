using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>
/// Answers GET /gateway/bot from a queue; the last answer repeats once the queue is down to one. Each call's
/// time (on the harness clock) and the value of <see cref="Probe"/> at that moment are kept, so a test can
/// tell what had already happened when the client asked again.
/// </summary>
internal sealed class StubGatewayInfoSource(GatewayBotInfo initial, TimeProvider time) : IGatewayInfoSource
{
    private readonly Queue<GatewayBotInfo> _answers = new([initial]);
    private readonly List<(DateTimeOffset At, int Probe)> _seen = [];
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Read at every call, e.g. the fake gateway's connection count.</summary>
    public Func<int> Probe { get; set; } = () => 0;

    public IReadOnlyList<(DateTimeOffset At, int Probe)> Seen
    {
        get
        {
            lock (_answers)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Replaces the queued answers.</summary>
    public void AnswerWith(params GatewayBotInfo[] answers)
    {
        lock (_answers)
        {
            _answers.Clear();
            foreach (var answer in answers)
            {
                _answers.Enqueue(answer);
            }
        }
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (_answers)
        {
            _seen.Add((time.GetUtcNow(), Probe()));
            return Task.FromResult(_answers.Count > 1 ? _answers.Dequeue() : _answers.Peek());
        }
    }
}
