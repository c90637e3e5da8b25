using System.Net;

namespace BotHost.Discord.Rest;

/// <summary>Discord answered with an error status (after any retries the client is allowed).</summary>
public sealed class DiscordHttpException : Exception
{
    public DiscordHttpException(HttpStatusCode status, string route, int? code, string? discordMessage, IReadOnlyList<DiscordFieldError> fieldErrors)
        : base(Describe(status, route, code, discordMessage, fieldErrors))
    {
        Status = status;
        Route = route;
        Code = code;
        DiscordMessage = discordMessage;
        FieldErrors = fieldErrors;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Method and route template, e.g. "POST /channels/{channel_id}/messages".</summary>
    public string Route { get; }

    /// <summary>Discord's JSON error code (e.g. 50035, 10003), when the body had one.</summary>
    public int? Code { get; }

    public string? DiscordMessage { get; }

    /// <summary>Flattened nested errors of a 50035, with paths like "embeds[0].fields[3].value".</summary>
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; }

    private static string Describe(HttpStatusCode status, string route, int? code, string? message, IReadOnlyList<DiscordFieldError> fieldErrors)
    {
        var text = $"{route} failed with {(int)status} {status}";
        if (code is not null)
        {
            text += $", Discord code {code}";
        }

        if (!string.IsNullOrEmpty(message))
        {
            text += $": {message}";
        }

        if (fieldErrors.Count > 0)
        {
            text += " (" + string.Join("; ", fieldErrors.Select(e => $"{e.Path}: {e.Message}")) + ")";
        }

        return text;
    }
}
