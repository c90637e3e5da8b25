using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Api;

/// <summary>
/// The Discord routes interactions need: a narrow seam for the dispatcher and registrar (tests replace it).
/// <see cref="RestInteractionApi"/> sends them through the rate-limited <see cref="Rest.DiscordRestClient"/>.
/// </summary>
public interface IInteractionApi
{
    /// <summary>POST /interactions/{id}/{token}/callback: the initial response (within 3 s).</summary>
    Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken);

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original.</summary>
    Task EditOriginalResponseAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken);

    /// <summary>POST /webhooks/{app}/{token}: a followup message.</summary>
    Task CreateFollowupAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken);

    /// <summary>PUT /applications/{app}/commands: replaces every global command.</summary>
    Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken);

    /// <summary>PUT /applications/{app}/guilds/{guild}/commands: replaces every command of one guild.</summary>
    Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken);
}
