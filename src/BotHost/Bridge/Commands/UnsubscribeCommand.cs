using BotHost.Bridge.Autocomplete;
using BotHost.Bridge.Components;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Commands;

/// <summary>/unsubscribe [name]: shows what would be removed and asks for a click before removing it.</summary>
public sealed class UnsubscribeCommand(SubscriptionService subscriptions, CommandSuggestions suggestions, TimeProvider time) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "unsubscribe",
        Description = "Stop a digest in this channel (asks to confirm).",
        Contexts = [0],
        DefaultMemberPermissions = DiscordPermissions.ManageChannels,
        Options = [OptionDefinitions.Name(), OptionDefinitions.Channel("Channel to unsubscribe (default: this one).")],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!CommandChannel.TryResolve(context, out var channel, out var error))
        {
            return CommandResponse.Error(error);
        }

        if (channel.RefuseUnlessMemberCanManage() is { } refused)
        {
            return refused;
        }

        var found = await subscriptions.FindAsync(channel.Key, context.GetString("name"), cancellationToken);
        if (found.Subscription is not { } subscription)
        {
            return CommandResponse.Error(found.Error!);
        }

        return CommandResponse.Message(
            $"Remove this subscription? Its schedule stops at once.\n{SubscriptionText.Describe(subscription, time.GetUtcNow())}",
            embeds: null,
            components: [UnsubscribeButtons.For(subscription)],
            ephemeral: true);
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);
}
