using System.Globalization;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Rest;

namespace BotHost.Discord.Interactions.Api;

/// <summary>
/// <see cref="IInteractionApi"/> over <see cref="DiscordRestClient"/>: one HTTP path to Discord, so callbacks,
/// follow-ups, edits and command registration share its route buckets, 429 handling, invalid-request counter
/// and timeouts (callbacks and webhook routes are exempt from the global limit and carry no bot token, FACTS
/// §2/§5). Replies are checked against <see cref="InteractionLimits"/> before anything is sent.
/// </summary>
public sealed class RestInteractionApi(DiscordRestClient rest) : IInteractionApi
{
    public async Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        InteractionLimits.Validate(response);
        var route = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", Id(interactionId), interactionToken);
        await SendAsync(route, response, InteractionsJsonContext.Default.InteractionResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task EditOriginalResponseAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
    {
        InteractionLimits.ValidateMessage(message, requireContent: false);
        var route = DiscordRoute.Create(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", Id(applicationId), interactionToken);
        await SendAsync(route, message, InteractionsJsonContext.Default.InteractionCallbackData, cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateFollowupAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
    {
        InteractionLimits.ValidateMessage(message, requireContent: true);
        var route = DiscordRoute.Create(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", Id(applicationId), interactionToken).WithQuery("wait=true");
        await SendAsync(route, message, InteractionsJsonContext.Default.InteractionCallbackData, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
        => PutCommandsAsync(DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/commands", Id(applicationId)), definitions, cancellationToken);

    public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
        => PutCommandsAsync(DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", Id(applicationId), Id(guildId)), definitions, cancellationToken);

    private async Task<IReadOnlyList<RegisteredApplicationCommand>> PutCommandsAsync(
        DiscordRoute route, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.SendAsync(
                route,
                definitions,
                InteractionsJsonContext.Default.IReadOnlyListApplicationCommandDefinition,
                InteractionsJsonContext.Default.ListRegisteredApplicationCommand,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException ex)
        {
            throw Translate(ex);
        }
    }

    private async Task SendAsync<T>(DiscordRoute route, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            await rest.SendAsync(route, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, type), cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException ex)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Callers of this seam catch <see cref="InteractionApiException"/>; the REST error stays the inner exception.</summary>
    private static InteractionApiException Translate(DiscordHttpException ex) => new(ex.Route, ex.Status, ex.Code, ex.DiscordMessage, ex);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
