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
        var connection = new FakeGatewayConnection(socket, context);
        Record(() =>
        {
            _connectionCount++;
            _connectionQueries.Add(context.Request.QueryString.Value ?? "");
            _current = connection;
        });
        try
        {
            await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
            while (await connection.ReceiveAsync() is { } message)
            {
                await HandleMessageAsync(connection, message);
            }

            var code = socket.CloseStatus is { } status ? (int?)status : null;
            if (socket.State == WebSocketState.CloseReceived)
            {
                await connection.CloseAsync(code ?? 1000, "bye");
            }

            Record(() => _clientCloseCodes.Add(code));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client (or a Drop command) went away without a close handshake.
        }
        finally
        {
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

    private async Task HandleMessageAsync(FakeGatewayConnection connection, string message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        var now = _time.GetUtcNow();
        Record(() => _frames.Add(new FakeGatewayFrame(op, message, now)));
        switch (op)
        {
            case 1:
                var sequence = data.ValueKind == JsonValueKind.Number ? data.GetInt64() : (long?)null;
                Record(() => _heartbeats.Add(new FakeGatewayHeartbeat(sequence, now)));
                if (AckHeartbeats)
                {
                    await connection.SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                }

                break;
            case 2:
                await IdentifyAsync(connection, data);
                break;
            case 6:
                await ResumeAsync(connection, data);
                break;
        }
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection, JsonElement data)
    {
        if (CloseOnIdentify is { } closeCode)
        {
            Record(() => _identifies.Add(data));
            await connection.CloseAsync(closeCode, "refused by test");
            return;
        }

        string ready = "";
        Record(() =>
        {
            _identifies.Add(data);
            var session = new FakeGatewaySession($"session-{_sessions.Count + 1}");
            _sessions[session.Id] = session;
            _latestSession = session;
            session.Attached = connection;
            var resumeUrl = JsonSerializer.Serialize(_selfUri().ToString(), FakeGatewayJsonContext.Default.String);
            (_, ready) = session.Append("READY", $$"""{"v":10,"session_id":"{{session.Id}}","resume_gateway_url":{{resumeUrl}},"user":{"id":"1","username":"fake-bot"},"guilds":[]}""");
        });
        await connection.SendAsync(ready);
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonElement data)
    {
        var sessionId = data.GetProperty("session_id").GetString() ?? "";
        var sequence = data.GetProperty("seq").GetInt64();
        // Holding the send lock while attaching keeps a concurrent SendDispatchAsync behind the replay.
        await connection.SendLock.WaitAsync();
        try
        {
            IReadOnlyList<string> replay = [];
            var valid = false;
            Record(() =>
            {
                _resumes.Add(data);
                if (_sessions.TryGetValue(sessionId, out var session) && session.IsValid)
                {
                    valid = true;
                    replay = [.. session.EventsAfter(Math.Max(0, sequence - ResumeReplayOverlap)), session.Append("RESUMED", "{}").Json];
                    session.Attached = connection;
                }
            });

            if (!valid)
            {
                await connection.SendUnlockedAsync("""{"op":9,"d":false,"s":null,"t":null}""");
                return;
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
    }
}
