namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Bounds one parse: a step budget proportional to the input (every reading loop spends a step per node, and a
/// document cannot hold more nodes than characters), the caller's cancellation, and what happens when the parser
/// itself misbehaves. With <see cref="ThrowOnFault"/> (tests, debug builds) a fault throws so it is found;
/// otherwise it is recorded in the feed's errors and the parse goes on or stops with what it has.
/// </summary>
internal sealed class ParseGuard
{
    /// <summary>
    /// Steps allowed per input byte: a node costs at most two steps (visit and read) in each of the strict read, the
    /// lenient re-read and the item recovery, and no node is shorter than a byte.
    /// </summary>
    internal const int StepsPerByte = 8;

    private const int CancellationCheckInterval = 4096;
    private const long MinimumBudget = 64 * 1024;

    private readonly List<string> _errors;
    private readonly CancellationToken _cancellationToken;
    private long _remaining;
    private int _untilCancellationCheck = CancellationCheckInterval;

    public ParseGuard(long inputBytes, bool throwOnFault, List<string> errors, CancellationToken cancellationToken)
    {
        Budget = MinimumBudget + (StepsPerByte * Math.Max(0, inputBytes));
        _remaining = Budget;
        ThrowOnFault = throwOnFault;
        _errors = errors;
        _cancellationToken = cancellationToken;
    }

    public long Budget { get; }

    public bool ThrowOnFault { get; }

    /// <summary>Spends one step; throws <see cref="ParseBudgetExceededException"/> when the budget is gone.</summary>
    public void Step()
    {
        if (--_remaining < 0)
        {
            throw new ParseBudgetExceededException(Budget);
        }

        if (--_untilCancellationCheck == 0)
        {
            _untilCancellationCheck = CancellationCheckInterval;
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The parser broke its own rules (not the document): throw when asked to, else record it and let the caller recover.</summary>
    public void Fault(string message)
    {
        if (ThrowOnFault)
        {
            throw new ParserFaultException(message);
        }

        _errors.Add(message);
    }
}
