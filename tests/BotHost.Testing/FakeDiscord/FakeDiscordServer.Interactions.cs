using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Interaction routes: callbacks with Discord's 3-second window and single acknowledgement, follow-ups and edits
/// of @original and of follow-ups for 15 minutes, and bulk command overwrites. They pass through the same
/// request handling as the rest of REST (<see cref="FakeRestApi"/>: auth, User-Agent, buckets and 429s, faults,
/// body limits) and every request is recorded with its status. Time is the server's <see cref="Time"/>.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private static readonly TimeSpan InteractionResponseWindow = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan InteractionTokenLifetime = TimeSpan.FromMinutes(15);

    private readonly Lock _interactionLock = new();
    private readonly Dictionary<ulong, IssuedInteraction> _issuedInteractions = [];
    private readonly List<FakeInteractionRequest> _interactionRequests = [];
    private readonly FakeConditions _interactionConditions = new();
    private long _nextInteractionSnowflake = 900_000_000_000_000_000;

    /// <summary>Every request on an interaction route, accepted or refused, in the order they finished.</summary>
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

    /// <summary>
    /// What Discord does on reading a bot's inline answer to an interactions-endpoint request: the interaction counts as
    /// acknowledged, so its original response exists for edits. Whoever plays Discord's side of the endpoint calls this.
    /// </summary>
    public void AcknowledgeInline(ulong interactionId)
    {
        lock (_interactionLock)
        {
            if (_issuedInteractions.TryGetValue(interactionId, out var issued))
            {
                _issuedInteractions[interactionId] = issued with { Acknowledged = true };
            }
        }
    }

    public void IssueInteraction(ulong interactionId, string token, DateTimeOffset issuedAt)
    {
        lock (_interactionLock)
        {
            _issuedInteractions[interactionId] = new IssuedInteraction(token, issuedAt);
        }
    }

    /// <summary>Completes with the first recorded request (past or future, accepted or refused) that matches.</summary>
    public async Task<FakeInteractionRequest> WaitForInteractionRequestAsync(Func<FakeInteractionRequest, bool> match, CancellationToken cancellationToken)
    {
        FakeInteractionRequest? found = null;
        await _interactionConditions.WaitAsync(
            () => (found = InteractionRequests.FirstOrDefault(match)) is not null, Timeout.InfiniteTimeSpan, nameof(match), cancellationToken);
        return found!;
    }

    /// <summary>Completes once <paramref name="condition"/> holds over the recorded interaction requests.</summary>
    public Task WaitForInteractionRequestsAsync(
        Func<IReadOnlyList<FakeInteractionRequest>, bool> condition,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string? description = null)
        => _interactionConditions.WaitAsync(() => condition(InteractionRequests), timeout, description);

    partial void MapInteractions(WebApplication app)
    {
        var api = app.MapGroup("/api/v10");
        api.MapPost("/interactions/{id}/{token}/callback", (HttpContext c, ulong id, string token) =>
            Rest.HandleAsync(c, Interaction(c, FakeInteractionRoute.Callback, "fake-interaction-callback", id.ToString(CultureInfo.InvariantCulture), id, token), body => Callback(id, token, body)));
        api.MapPost("/webhooks/{app}/{token}", (HttpContext c, string app, string token) =>
            Rest.HandleAsync(c, Interaction(c, FakeInteractionRoute.Followup, "fake-webhook-execute", $"{app}/{token}", null, token), body => Followup(token, body)));
        api.MapMethods("/webhooks/{app}/{token}/messages/{messageId}", ["PATCH"], (HttpContext c, string app, string token, string messageId) =>
            Rest.HandleAsync(
                c,
                Interaction(c, messageId == "@original" ? FakeInteractionRoute.EditOriginal : FakeInteractionRoute.EditFollowup, "fake-webhook-message", $"{app}/{token}", null, token),
                body => EditWebhookMessage(token, messageId, body)));
        api.MapPut("/applications/{app}/commands", (HttpContext c, ulong app) =>
            Rest.HandleAsync(c, Interaction(c, FakeInteractionRoute.GlobalCommands, "fake-commands", string.Empty, null, null) with { BotToken = true, GlobalExempt = false }, body => OverwriteCommands(app, null, body)));
        api.MapPut("/applications/{app}/guilds/{guild}/commands", (HttpContext c, ulong app, ulong guild) =>
            Rest.HandleAsync(c, Interaction(c, FakeInteractionRoute.GuildCommands, "fake-commands", guild.ToString(CultureInfo.InvariantCulture), null, null, guild) with { BotToken = true, GlobalExempt = false }, body => OverwriteCommands(app, guild, body)));
    }

    /// <summary>A route authorized by the token in its path, exempt from the global limit, recorded in the interaction log.</summary>
    private FakeRoute Interaction(HttpContext context, FakeInteractionRoute kind, string bucket, string major, ulong? interactionId, string? token, ulong? guild = null)
        => new(bucket, major, GlobalExempt: true, BotToken: false)
        {
            Recorded = request => RecordInteractionRequest(kind, request, interactionId ?? InteractionIdFor(token), token, guild),
        };

    private (int, JsonNode?) Callback(ulong id, string token, string body)
    {
        if (FakeRestApi.ParseAny(body) is not { } json)
        {
            return FakeRestApi.Error(400, 50109, "The request body contains invalid JSON.");
        }

        lock (_interactionLock)
        {
            if (!_issuedInteractions.TryGetValue(id, out var issued) || issued.Token != token
                || Time.GetUtcNow() - issued.IssuedAt > InteractionResponseWindow)
            {
                return FakeRestApi.Error(404, 10062, "Unknown interaction");
            }

            if (issued.Acknowledged)
            {
                return FakeRestApi.Error(400, 40060, "Interaction has already been acknowledged.");
            }

            if (FakeInteractionValidator.ValidateCallback(json) is { } refusal)
            {
                return refusal;
            }

            _issuedInteractions[id] = issued with { Acknowledged = true };
        }

        return (204, null);
    }

    private (int, JsonNode?) Followup(string token, string body)
    {
        if (WebhookRefusal(token, body, out var json) is { } refused)
        {
            return refused;
        }

        if (FakeInteractionValidator.ValidateMessage(json, create: true) is { } invalid)
        {
            return invalid;
        }

        var messageId = (ulong)Interlocked.Increment(ref _nextInteractionSnowflake);
        lock (_interactionLock)
        {
            var issued = _issuedInteractions.First(pair => pair.Value.Token == token);
            _issuedInteractions[issued.Key] = issued.Value with { Followups = issued.Value.Followups.Add(messageId) };
        }

        return (200, WebhookMessage(messageId, json));
    }

    private (int, JsonNode?) EditWebhookMessage(string token, string messageId, string body)
    {
        if (WebhookRefusal(token, body, out var json) is { } refused)
        {
            return refused;
        }

        ulong id = 0;
        lock (_interactionLock)
        {
            var issued = _issuedInteractions.First(pair => pair.Value.Token == token).Value;
            if (messageId != "@original" && (!ulong.TryParse(messageId, CultureInfo.InvariantCulture, out id) || !issued.Followups.Contains(id)))
            {
                return FakeRestApi.Error(404, 10008, "Unknown Message");
            }
        }

        return FakeInteractionValidator.ValidateMessage(json, create: false)
            ?? (200, WebhookMessage(id == 0 ? (ulong)Interlocked.Increment(ref _nextInteractionSnowflake) : id, json));
    }

    /// <summary>Invalid JSON, an unknown or expired token (10015), or an original response that does not exist yet (10008).</summary>
    private (int, JsonNode?)? WebhookRefusal(string token, string body, out JsonNode? json)
    {
        json = FakeRestApi.ParseAny(body);
        if (json is null)
        {
            return FakeRestApi.Error(400, 50109, "The request body contains invalid JSON.");
        }

        lock (_interactionLock)
        {
            var match = _issuedInteractions.FirstOrDefault(pair => pair.Value.Token == token);
            if (match.Value is null || Time.GetUtcNow() - match.Value.IssuedAt > InteractionTokenLifetime)
            {
                return FakeRestApi.Error(404, 10015, "Unknown Webhook");
            }

            return match.Value.Acknowledged ? null : FakeRestApi.Error(404, 10008, "Unknown Message");
        }
    }

    private (int, JsonNode?) OverwriteCommands(ulong app, ulong? guild, string body)
    {
        if (FakeRestApi.ParseAny(body) is not JsonArray commands)
        {
            return FakeRestApi.Error(400, 50035, "Invalid Form Body");
        }

        if (commands.Count > 130)
        {
            return FakeRestApi.Error(400, 50035, "Invalid Form Body: at most 130 commands");
        }

        var registered = new JsonArray();
        foreach (var command in commands)
        {
            var copy = command?.DeepClone() as JsonObject ?? [];
            copy["id"] = Interlocked.Increment(ref _nextInteractionSnowflake).ToString(CultureInfo.InvariantCulture);
            copy["application_id"] = app.ToString(CultureInfo.InvariantCulture);
            if (guild is { } g)
            {
                copy["guild_id"] = g.ToString(CultureInfo.InvariantCulture);
            }

            registered.Add(copy);
        }

        return (200, registered);
    }

    private void RecordInteractionRequest(FakeInteractionRoute route, FakeRestRequest request, ulong? interactionId, string? token, ulong? guild)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        lock (_interactionLock)
        {
            _interactionRequests.Add(new FakeInteractionRequest(
                route, request.Path, interactionId, token, guild, body, request.Authorization, request.UserAgent, request.ReceivedAt, request.Status, request.ErrorCode));
        }

        _interactionConditions.Changed();
    }

    private ulong? InteractionIdFor(string? token)
    {
        lock (_interactionLock)
        {
            return _issuedInteractions.FirstOrDefault(pair => pair.Value.Token == token) is { Value: not null } match ? match.Key : null;
        }
    }

    private static JsonObject WebhookMessage(ulong id, JsonNode? body) => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["content"] = body?["content"]?.DeepClone(),
        ["flags"] = body?["flags"]?.DeepClone() ?? 0,
    };

    private sealed record IssuedInteraction(string Token, DateTimeOffset IssuedAt, bool Acknowledged = false)
    {
        public System.Collections.Immutable.ImmutableHashSet<ulong> Followups { get; init; } = [];
    }
}
