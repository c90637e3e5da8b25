namespace BotHost.Discord.Rest;

/// <summary>The ways a <see cref="DiscordRestClient"/> call can fail other than cancellation, for callers that report rather than crash.</summary>
public static class DiscordFailure
{
    /// <summary>An error answer, a transport failure, the request timeout, or a body that is too large or not the expected JSON.</summary>
    public static bool Is(Exception exception)
        => exception is DiscordHttpException or HttpRequestException or TimeoutException or IOException or InvalidDataException;
}
