using System.Globalization;
using System.Text.Json;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Components;

/// <summary>
/// The Remove / Keep buttons of /unsubscribe. The custom_id names the channel and subscription; the guild always
/// comes from the click itself, and Manage Channels is checked again, so a copied id cannot reach another server.
/// </summary>
public sealed class UnsubscribeButtons(SubscriptionService subscriptions) : ComponentHandler
{
    public const string Prefix = "unsub:";
    private const string Keep = Prefix + "keep";
    private const string Remove = Prefix + "remove:";

    public override string CustomIdPrefix => Prefix;

    public override bool UpdatesMessage => true;

    public static JsonElement For(Subscription subscription) => ComponentJson.Row(
        ComponentJson.Button("Remove", string.Create(CultureInfo.InvariantCulture, $"{Remove}{subscription.Channel.ChannelId}:{subscription.Name}"), ComponentJson.Danger),
        ComponentJson.Button("Keep it", Keep, ComponentJson.Secondary));

    public override async Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (!context.CustomId.StartsWith(Remove, StringComparison.Ordinal))
        {
            return CommandResponse.UpdateMessage("Kept it; nothing was removed.", components: []);
        }

        var state = context.CustomId[Remove.Length..].Split(':', 2);
        if (context.GuildId is not { } guild || state.Length != 2
            || !ulong.TryParse(state[0], NumberStyles.None, CultureInfo.InvariantCulture, out var channelId))
        {
            return CommandResponse.UpdateMessage("This button is out of date; run /unsubscribe again.", components: []);
        }

        var channel = new ChannelKey(guild, channelId);
        if (!context.MemberHas(DiscordPermissions.ManageChannels))
        {
            return CommandResponse.UpdateMessage($"You need the Manage Channels permission to remove a subscription; nothing was removed.", components: []);
        }

        var removed = await subscriptions.UnsubscribeAsync(channel, state[1], cancellationToken);
        return removed.Subscription is { } subscription
            ? CommandResponse.UpdateMessage($"Removed **{subscription.Name}** from {ChatMarkdown.Channel(channel)}; no more digests from it.", components: [])
            : CommandResponse.UpdateMessage(removed.Error!, components: []);
    }
}
