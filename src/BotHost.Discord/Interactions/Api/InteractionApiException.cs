using System.Net;

namespace BotHost.Discord.Interactions.Api;

/// <summary>Discord refused an interaction call; <see cref="DiscordCode"/> is the JSON error code when present.</summary>
public sealed class InteractionApiException : Exception
{
    /// <summary>Unknown message: the message (e.g. the original response) was deleted.</summary>
    public const int UnknownMessage = 10008;

    /// <summary>Unknown webhook: the interaction token is no longer valid; do not call that webhook again.</summary>
    public const int UnknownWebhook = 10015;

    /// <summary>Unknown interaction: usually the 3-second window was missed.</summary>
    public const int UnknownInteraction = 10062;

    /// <summary>The interaction has already been acknowledged.</summary>
    public const int AlreadyAcknowledged = 40060;

    public InteractionApiException(string route, HttpStatusCode status, int? discordCode, string? discordMessage, Exception? innerException = null)
        : base($"Discord answered {(int)status} to {route}" + (discordCode is null ? "." : $" with code {discordCode}: {discordMessage}"), innerException)
    {
        Route = route;
        Status = status;
        DiscordCode = discordCode;
    }

    /// <summary>Route template without ids or tokens, safe to log.</summary>
    public string Route { get; }

    public HttpStatusCode Status { get; }

    public int? DiscordCode { get; }
}
