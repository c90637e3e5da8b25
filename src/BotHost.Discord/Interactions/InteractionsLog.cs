using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Interactions.Signatures;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Interactions;

/// <summary>Log lines of the interactions area. Event ids 3100+ (3000–3099 belong to GatewayLog). Tokens and raw bodies never appear here.</summary>
internal static partial class InteractionsLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Handler {Handler} failed on interaction {InteractionId}; the user got an error message")]
    public static partial void HandlerFailed(ILogger logger, string handler, ulong interactionId, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Interaction {InteractionId} ({Handler}) not finished after {Seconds} s; deferred")]
    public static partial void Deferred(ILogger logger, ulong interactionId, string handler, double seconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "No handler for {Kind} '{Name}' (interaction {InteractionId})")]
    public static partial void UnknownHandler(ILogger logger, string kind, string name, ulong interactionId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Answering interaction {InteractionId} ({Handler}) failed")]
    public static partial void ResponseFailed(ILogger logger, ulong interactionId, string handler, Exception exception);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Autocomplete {Handler} too slow for interaction {InteractionId}; sent no suggestions")]
    public static partial void AutocompleteTooSlow(ILogger logger, string handler, ulong interactionId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Handler {Handler} returned {Response} after deferring interaction {InteractionId}; it cannot follow a deferral")]
    public static partial void UnusableLateResponse(ILogger logger, string handler, string response, ulong interactionId);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Rejected an interactions endpoint request: {Verdict}")]
    public static partial void RequestRejected(ILogger logger, SignatureVerdict verdict);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Rejected an interactions endpoint request: {Reason}")]
    public static partial void RequestMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Interactions endpoint listening on {Url}")]
    public static partial void EndpointListening(ILogger logger, string url);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Commands for {Scope} unchanged (hash {Hash}); not re-registered")]
    public static partial void CommandsUnchanged(ILogger logger, string scope, string hash);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Registered {Count} commands for {Scope} (hash {Hash})")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope, string hash);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Ignored interaction {InteractionId} of type {Type}")]
    public static partial void IgnoredInteraction(ILogger logger, ulong interactionId, InteractionType type);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Warning, Message = "{Count} interaction runs still busy after {Seconds} s of shutdown; no longer waiting for them")]
    public static partial void ShutdownAbandoned(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Error, Message = "Handler {Handler} answered interaction {InteractionId} with a reply that breaks a Discord limit ({Field}: {Limit}); the user got an error message instead")]
    public static partial void AnswerBrokeLimit(ILogger logger, string handler, ulong interactionId, string field, string limit);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Debug, Message = "Interaction {InteractionId} ({Handler}) waits for a free handler slot; deferred")]
    public static partial void DeferredWhileQueued(ILogger logger, ulong interactionId, string handler);

    [LoggerMessage(EventId = 3116, Level = LogLevel.Debug, Message = "Edit of interaction {InteractionId} found no original response yet (inline deferral not processed); retrying in {Milliseconds} ms")]
    public static partial void EditRetried(ILogger logger, ulong interactionId, double milliseconds);

    [LoggerMessage(EventId = 3117, Level = LogLevel.Error, Message = "Handler {Handler} ran longer than {Seconds} s on interaction {InteractionId}; cancelled it, freed its slot and told the user")]
    public static partial void HandlerTimedOut(ILogger logger, string handler, double seconds, ulong interactionId);
}
