using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

// The server side of the protocol: one call of HandleAsync per client socket.
public sealed partial class FakeGateway
{
    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context, _time.GetUtcNow());
        Record(() =>
        {
            _connectionCount++;
            _connectionQueries.Add(context.Request.QueryString.Value ?? "");
            _connectionPaths.Add(connection.Path);
            _current = connection;
            connection.Watchdog = StartWatchdog(connection);
        });
        try
        {
            await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
            while (await connection.ReceiveAsync() is { } message)
            {
                await HandleMessageAsync(connection, message.Text, message.Bytes);
            }

            var code = socket.CloseStatus is { } status ? (int?)status : null;
            if (socket.State == WebSocketState.CloseReceived)
            {
                await connection.CloseAsync(code ?? 1000, "bye");
            }

            Record(() =>
            {
                _clientCloseCodes.Add(code);
                if (code is 1000 or 1001 && !connection.Closing)
                {
                    // Discord: closing with 1000/1001 ends the session; it cannot be resumed.
                    foreach (var session in _sessions.Values.Where(s => s.Attached == connection))
                    {
                        session.Invalidate();
                    }
                }
            });
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client (or a Drop command) went away without a close handshake.
        }
        finally
        {
            connection.Watchdog?.Dispose();
            Record(() =>
            {
                if (_current == connection)
                {
                    _current = null;
                }

                foreach (var session in _sessions.Values.Where(s => s.Attached == connection))
                {
                    session.Attached = null;
                }
            });
        }
    }

    private async Task HandleMessageAsync(FakeGatewayConnection connection, string message, int bytes)
    {
        var now = _time.GetUtcNow();
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(message);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await RefuseAsync(connection, 4002, "payload is not JSON");
            return;
        }

        var op = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("op", out var opElement) && opElement.TryGetInt32(out var parsed) ? parsed : -1;
        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("d", out var d) ? d : default;
        var ignore = false;
        (int Code, string Reason)? violation = null;
        Record(() =>
        {
            _frames.Add(new FakeGatewayFrame(op, message, now));
            var sends = connection.CountSend(now, SendWindow);
            ignore = connection.Closing;
            violation = ignore ? null : Violation(connection, op, bytes, sends);
        });
        if (ignore)
        {
            return;
        }

        if (violation is { } refused)
        {
            await RefuseAsync(connection, refused.Code, refused.Reason);
            return;
        }

        switch (op)
        {
            case 1:
                await HeartbeatAsync(connection, data, now);
                break;
            case 2:
                await IdentifyAsync(connection, data);
                break;
            case 6:
                await ResumeAsync(connection, data);
                break;
        }
    }

    private async Task HeartbeatAsync(FakeGatewayConnection connection, JsonElement data, DateTimeOffset now)
    {
        if (IgnoreHeartbeats)
        {
            return;
        }

        var sequence = data.ValueKind == JsonValueKind.Number ? data.GetInt64() : (long?)null;
        Record(() =>
        {
            _heartbeats.Add(new FakeGatewayHeartbeat(sequence, now));
            connection.LastHeartbeat = now;
            RearmWatchdog(connection);
        });
        if (AckHeartbeats)
        {
            await connection.SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
        }
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection, JsonElement data)
    {
        if (CloseOnIdentify is { } closeCode)
        {
            Record(() => _identifies.Add(data));
            await RefuseAsync(connection, closeCode, "refused by test");
            return;
        }

        string? ready = null;
        Record(() =>
        {
            _identifies.Add(data);
            if (!TryStartSession(_time.GetUtcNow()))
            {
                _concurrencyRejections++;
                return;
            }

            var session = new FakeGatewaySession($"session-{_sessions.Count + 1}");
            _sessions[session.Id] = session;
            _latestSession = session;
            session.Attached = connection;
            connection.Authenticated = true;
            var resumeUrl = JsonSerializer.Serialize(ResumeUri.ToString(), FakeGatewayJsonContext.Default.String);
            (_, ready) = session.Append("READY", $$"""{"v":10,"session_id":"{{session.Id}}","resume_gateway_url":{{resumeUrl}},"user":{"id":"1","username":"fake-bot"},"guilds":[]}""");
        });
        // Over max_concurrency identifies in 5 s, Discord answers with op 9 (not resumable).
        await connection.SendAsync(ready ?? """{"op":9,"d":false,"s":null,"t":null}""");
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonElement data)
    {
        var sessionId = data.GetProperty("session_id").GetString() ?? "";
        var sequence = data.GetProperty("seq").GetInt64();
        // Holding the send lock while attaching keeps a concurrent SendDispatchAsync behind the replay.
        await connection.SendLock.WaitAsync(connection.Aborted);
        var outcome = ResumeOutcome.Invalid;
        try
        {
            IReadOnlyList<string> replay = [];
            Record(() =>
            {
                _resumes.Add(data);
                if (!_sessions.TryGetValue(sessionId, out var session) || !session.IsValid)
                {
                    return;
                }

                if (sequence > session.LatestSequence)
                {
                    outcome = ResumeOutcome.BadSequence;
                    return;
                }

                outcome = ResumeOutcome.Resumed;
                replay = [.. session.EventsAfter(Math.Max(0, sequence - ResumeReplayOverlap)), session.Append("RESUMED", "{}").Json];
                session.Attached = connection;
                connection.Authenticated = true;
            });

            if (outcome == ResumeOutcome.Invalid)
            {
                await connection.SendUnlockedAsync("""{"op":9,"d":false,"s":null,"t":null}""");
            }

            foreach (var json in replay)
            {
                await connection.SendUnlockedAsync(json);
            }
        }
        finally
        {
            connection.SendLock.Release();
        }

        if (outcome == ResumeOutcome.BadSequence)
        {
            await RefuseAsync(connection, 4007, "invalid seq");
        }
    }

    private enum ResumeOutcome
    {
        Invalid,
        BadSequence,
        Resumed,
    }
}
