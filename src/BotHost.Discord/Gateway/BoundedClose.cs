namespace BotHost.Discord.Gateway;

/// <summary>
/// Ends a socket within ONE deadline shared by sending the close frame and waiting for the receive loop, so a
/// stuck peer delays shutdown by at most that deadline rather than by the sum of two timeouts.
/// </summary>
internal static class BoundedClose
{
    /// <param name="sendClose">Sends (or answers) the close frame; null when the socket can no longer send one.</param>
    /// <param name="receiveLoop">Ends once the peer's close frame arrives or the socket is aborted.</param>
    /// <param name="abort">Aborts the socket, which ends <paramref name="receiveLoop"/>.</param>
    /// <param name="closeFailed">Told why the close frame could not be sent; the wait for the loop still follows.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task>? sendClose, Task receiveLoop, Action abort, TimeSpan deadline, TimeProvider time, Action<Exception> closeFailed)
    {
        using var expired = new CancellationTokenSource(deadline, time);
        if (sendClose is not null)
        {
            try
            {
                await sendClose(expired.Token);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                closeFailed(ex);
            }
        }

        try
        {
            await receiveLoop.WaitAsync(expired.Token);
        }
        catch (OperationCanceledException) when (expired.IsCancellationRequested)
        {
            // The loop may have ended in the moment between the deadline and this check (the peer's close frame
            // arriving just as time ran out); that is a finished close, not a failure, so nothing is thrown.
            if (!receiveLoop.IsCompleted)
            {
                abort();
            }

            await receiveLoop;
        }
    }
}
