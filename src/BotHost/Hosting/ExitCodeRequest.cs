namespace BotHost.Hosting;

/// <summary>
/// Set by a component that stops the host for a reason the operator must fix (a rejected token, a fatal
/// gateway close), so `run` exits non-zero. A service rather than Environment.ExitCode, which is process-wide.
/// </summary>
public sealed class ExitCodeRequest
{
    public int Code { get; private set; }

    public void Fail(int code = 2) => Code = code;
}
