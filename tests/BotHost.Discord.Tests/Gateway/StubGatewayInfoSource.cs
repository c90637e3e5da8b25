using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>Answers GET /gateway/bot from a queue; the last answer repeats once the queue is down to one.</summary>
internal sealed class StubGatewayInfoSource(GatewayBotInfo initial) : IGatewayInfoSource
{
    private readonly Queue<GatewayBotInfo> _answers = new([initial]);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

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
            return Task.FromResult(_answers.Count > 1 ? _answers.Dequeue() : _answers.Peek());
        }
    }
}
