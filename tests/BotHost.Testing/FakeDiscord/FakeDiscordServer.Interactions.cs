using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Interaction routes: callbacks with Discord's 3-second window and single acknowledgement, webhook edits and
/// followups for 15 minutes, and bulk command overwrites. Time is the server's <see cref="Time"/>.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private static readonly TimeSpan InteractionResponseWindow = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan InteractionTokenLifetime = TimeSpan.FromMinutes(15);

    private readonly Lock _interactionLock = new();
    private readonly Dictionary<ulong, IssuedInteraction> _issuedInteractions = [];
    private readonly List<FakeInteractionRequest> _interactionRequests = [];
    private readonly List<(Func<FakeInteractionRequest, bool> Match, TaskCompletionSource<FakeInteractionRequest> Signal)> _interactionWaiters = [];
    private long _nextInteractionSnowflake = 900_000_000_000_000_000;

    /// <summary>Every accepted request on an interaction route, in arrival order.</summary>
    public IReadOnlyList<FakeInteractionRequest> InteractionRequests
    {
        get
        {
            lock (_interactionLock)
            {
                return [.. _interactionRequests];
            }
        }
    }

    /// <summary>Makes the fake accept callbacks for this interaction, issued now on <see cref="Time"/>.</summary>
    public void IssueInteraction(ulong interactionId, string token) => IssueInteraction(interactionId, token, Time.GetUtcNow());

    public void IssueInteraction(ulong interactionId, string token, DateTimeOffset issuedAt)
    {
        lock (_interactionLock)
        {
            _issuedInteractions[interactionId] = new IssuedInteraction(token, issuedAt);
        }
    }

    /// <summary>Completes with the first recorded request (past or future) that matches.</summary>
    public Task<FakeInteractionRequest> WaitForInteractionRequestAsync(Func<FakeInteractionRequest, bool> match, CancellationToken cancellationToken)
    {
        lock (_interactionLock)
        {
            var existing = _interactionRequests.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<FakeInteractionRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _interactionWaiters.Add((match, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    partial void MapInteractions(WebApplication app)
    {
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (HttpContext context, ulong id, string token) => CallbackAsync(context, id, token));
        app.MapMethods("/api/v10/webhooks/{app}/{token}/messages/@original", ["PATCH"], (HttpContext context, string token)
            => WebhookMessageAsync(context, FakeInteractionRoute.EditOriginal, token));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext context, string token)
            => WebhookMessageAsync(context, FakeInteractionRoute.Followup, token));
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext context, ulong app)
            => OverwriteCommandsAsync(context, FakeInteractionRoute.GlobalCommands, app, null));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext context, ulong app, ulong guild)
            => OverwriteCommandsAsync(context, FakeInteractionRoute.GuildCommands, app, guild));
    }

    private async Task<IResult> CallbackAsync(HttpContext context, ulong id, string token)
    {
        var body = await ReadJsonAsync(context);
        if (body is null)
        {
            return DiscordError(400, 50109, "The request body contains invalid JSON.");
        }

        lock (_interactionLock)
        {
            if (!_issuedInteractions.TryGetValue(id, out var issued) || issued.Token != token
                || Time.GetUtcNow() - issued.IssuedAt > InteractionResponseWindow)
            {
                return DiscordError(404, 10062, "Unknown interaction");
            }

            if (issued.Acknowledged)
            {
                return DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }

            _issuedInteractions[id] = issued with { Acknowledged = true };
            RecordInteractionRequest(context, FakeInteractionRoute.Callback, id, token, null, body.Value);
        }

        return Results.NoContent();
    }

    private async Task<IResult> WebhookMessageAsync(HttpContext context, FakeInteractionRoute route, string token)
    {
        var body = await ReadJsonAsync(context);
        if (body is null)
        {
            return DiscordError(400, 50109, "The request body contains invalid JSON.");
        }

        ulong messageId;
        lock (_interactionLock)
        {
            var match = _issuedInteractions.FirstOrDefault(pair => pair.Value.Token == token);
            if (match.Value is null || Time.GetUtcNow() - match.Value.IssuedAt > InteractionTokenLifetime)
            {
                return DiscordError(404, 10015, "Unknown Webhook");
            }

            if (!match.Value.Acknowledged)
            {
                return DiscordError(404, 10008, "Unknown Message");
            }

            RecordInteractionRequest(context, route, match.Key, token, null, body.Value);
            messageId = (ulong)Interlocked.Increment(ref _nextInteractionSnowflake);
        }

        var content = body.Value.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return Results.Json(new Dictionary<string, string?>
        {
            ["id"] = messageId.ToString(CultureInfo.InvariantCulture),
            ["content"] = content,
        });
    }

    private async Task<IResult> OverwriteCommandsAsync(HttpContext context, FakeInteractionRoute route, ulong app, ulong? guild)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bot ", StringComparison.Ordinal))
        {
            return DiscordError(401, 0, "401: Unauthorized");
        }

        var body = await ReadJsonAsync(context);
        if (body is not { ValueKind: JsonValueKind.Array } commands)
        {
            return DiscordError(400, 50035, "Invalid Form Body");
        }

        if (commands.GetArrayLength() > 130)
        {
            return DiscordError(400, 50035, "Invalid Form Body: at most 130 commands");
        }

        lock (_interactionLock)
        {
            RecordInteractionRequest(context, route, null, null, guild, commands);
        }

        var registered = commands.EnumerateArray().Select(command =>
        {
            var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(command.GetRawText())!;
            copy["id"] = JsonSerializer.SerializeToElement(Interlocked.Increment(ref _nextInteractionSnowflake).ToString(CultureInfo.InvariantCulture));
            copy["application_id"] = JsonSerializer.SerializeToElement(app.ToString(CultureInfo.InvariantCulture));
            if (guild is { } g)
            {
                copy["guild_id"] = JsonSerializer.SerializeToElement(g.ToString(CultureInfo.InvariantCulture));
            }

            return copy;
        }).ToList();
        return Results.Json(registered);
    }

    /// <summary>Call with <see cref="_interactionLock"/> held.</summary>
    private void RecordInteractionRequest(HttpContext context, FakeInteractionRoute route, ulong? interactionId, string? token, ulong? guild, JsonElement body)
    {
        var request = new FakeInteractionRequest(
            route,
            context.Request.Path.ToString(),
            interactionId,
            token,
            guild,
            body.Clone(),
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.Headers.UserAgent.ToString(),
            Time.GetUtcNow());
        _interactionRequests.Add(request);
        for (var i = _interactionWaiters.Count - 1; i >= 0; i--)
        {
            if (_interactionWaiters[i].Match(request))
            {
                _interactionWaiters[i].Signal.TrySetResult(request);
                _interactionWaiters.RemoveAt(i);
            }
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult DiscordError(int status, int code, string message)
        => Results.Json(new Dictionary<string, object> { ["code"] = code, ["message"] = message }, statusCode: status);

    private sealed record IssuedInteraction(string Token, DateTimeOffset IssuedAt, bool Acknowledged = false);
}
