using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Gateway;

/// <summary>Gateway log lines. None of them takes the token or a payload body.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Connecting to the gateway at {Host} ({Mode})")]
    public static partial void Connecting(ILogger logger, string host, string mode);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Identifying as shard {ShardId}/{ShardCount} with intents {Intents}")]
    public static partial void Identifying(ILogger logger, int shardId, int shardCount, int intents);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Resuming the gateway session from sequence {Sequence}")]
    public static partial void Resuming(ILogger logger, long sequence);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Gateway session ready")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Gateway session resumed")]
    public static partial void Resumed(ILogger logger);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Gateway connection ended ({Reason}); next: {Next}")]
    public static partial void ConnectionEnded(ILogger logger, string reason, string next);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "No heartbeat ACK since the previous heartbeat: zombie connection, reconnecting to resume")]
    public static partial void Zombie(ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Critical, Message = "Gateway closed the connection with fatal code {CloseCode}: {Cause}. Not reconnecting")]
    public static partial void FatalClose(ILogger logger, int closeCode, string cause);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Refusing to identify: session_start_limit.remaining is 0 of {Total} (exhausting it resets the bot token). Waiting {ResetAfter} for the limit to reset")]
    public static partial void SessionStartLimitExhausted(ILogger logger, int total, TimeSpan resetAfter);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "GET /gateway/bot failed; retrying in {Delay}")]
    public static partial void GatewayInfoFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Waiting {Delay} before the next gateway connection")]
    public static partial void Waiting(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Skipped dispatch {EventName} with sequence {Sequence}: already handled")]
    public static partial void DuplicateDispatch(ILogger logger, string eventName, long sequence);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Skipped a gateway message that is not valid gateway JSON: {Error}")]
    public static partial void MalformedMessage(ILogger logger, string error);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Gateway connection failed: {Error}")]
    public static partial void ConnectionFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Gateway client stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Critical, Message = "Gateway client cannot continue: {Reason}. Not reconnecting")]
    public static partial void FatalError(ILogger logger, string reason);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Critical, Message = "Gateway client stopped on an unexpected error")]
    public static partial void Crashed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "Gateway send limit ({Limit} payloads per 60 s) reached; waiting {Delay} before sending")]
    public static partial void SendLimited(ILogger logger, int limit, TimeSpan delay);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Information, Message = "Resuming the gateway session kept from the previous run (saved {Age} ago, sequence {Sequence})")]
    public static partial void RestoredSession(ILogger logger, TimeSpan age, long sequence);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Information, Message = "The gateway session kept from the previous run is {Age} old, past Discord:Gateway:SessionResumeWindowSeconds; identifying instead")]
    public static partial void SavedSessionExpired(ILogger logger, TimeSpan age);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Keeping the gateway session for the next run failed; the next start identifies")]
    public static partial void SessionStoreFailed(ILogger logger, Exception exception);
}
