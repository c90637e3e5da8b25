namespace BotHost.Discord.Gateway;

/// <summary>
/// What survives a reconnect: session id, resume URL and the last dispatch sequence handed to the
/// consumer. The sequence doubles as the dedupe mark, so a replayed event is never handed out twice.
/// </summary>
internal sealed class GatewaySession
{
    private long _lastSequence;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public bool CanResume => SessionId is not null;

    /// <summary>Last handled sequence, or null before the first dispatch of a session.</summary>
    public long? LastSequence
    {
        get
        {
            var value = Volatile.Read(ref _lastSequence);
            return value == 0 ? null : value;
        }
    }

    public void Start(string sessionId, string resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Takes up a session saved by an earlier run, so the next connection resumes it from <paramref name="sequence"/>.</summary>
    public void Restore(string sessionId, string resumeUrl, long sequence)
    {
        Start(sessionId, resumeUrl);
        Volatile.Write(ref _lastSequence, Math.Max(0, sequence));
    }

    /// <summary>Forget the session before a fresh identify; its sequences start again at 1.</summary>
    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Volatile.Write(ref _lastSequence, 0);
    }

    /// <summary>True when <paramref name="sequence"/> is new; false for one already handled.</summary>
    public bool TryAdvance(long sequence)
    {
        if (sequence <= Volatile.Read(ref _lastSequence))
        {
            return false;
        }

        Volatile.Write(ref _lastSequence, sequence);
        return true;
    }
}
