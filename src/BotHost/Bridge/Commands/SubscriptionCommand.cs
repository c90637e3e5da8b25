using BotHost.Bridge.Autocomplete;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/subscription show|pause|resume|mute-source|unmute-source. Anyone may look; changing needs Manage Channels.</summary>
public sealed class SubscriptionCommand(SubscriptionService subscriptions, SubscriptionStore store, CommandSuggestions suggestions, TimeProvider time) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "subscription",
        Description = "Show, pause, resume or mute sources of this channel's subscription.",
        Contexts = [0],
        Options =
        [
            OptionDefinitions.Subcommand("show", "What this channel gets and when.", OptionDefinitions.Name("Which subscription (default: all of them)."), OptionDefinitions.Channel("Channel to show (default: this one).")),
            OptionDefinitions.Subcommand("pause", "Stop digests until resumed (Manage Channels).",
                OptionDefinitions.Name(), OptionDefinitions.Text("reason", "Why, shown by /subscription show.", maxLength: 200), OptionDefinitions.Channel("Channel (default: this one).")),
            OptionDefinitions.Subcommand("resume", "Start paused digests again (Manage Channels).", OptionDefinitions.Name(), OptionDefinitions.Channel("Channel (default: this one).")),
            OptionDefinitions.Subcommand("mute-source", "Leave one source out of this subscription (Manage Channels).",
                OptionDefinitions.Text("source", "The source to leave out.", autocomplete: true, required: true), OptionDefinitions.Name(), OptionDefinitions.Channel("Channel (default: this one).")),
            OptionDefinitions.Subcommand("unmute-source", "Take a muted source back in (Manage Channels).",
                OptionDefinitions.Text("source", "The muted source.", autocomplete: true, required: true), OptionDefinitions.Name(), OptionDefinitions.Channel("Channel (default: this one).")),
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!CommandChannel.TryResolve(context, out var channel, out var error))
        {
            return CommandResponse.Error(error);
        }

        var name = context.GetString("name");
        if (context.Subcommand == "show")
        {
            return await ShowAsync(channel, name, cancellationToken);
        }

        // Resuming where the bot cannot post would only fail again at the next delivery.
        var refused = channel.RefuseUnlessMemberCanManage() ?? (context.Subcommand == "resume" ? channel.RefuseUnlessBotCanPost() : null);
        if (refused is not null)
        {
            return refused;
        }

        var result = context.Subcommand switch
        {
            "pause" => await subscriptions.PauseAsync(channel.Key, name, PauseReason(context), cancellationToken),
            "resume" => await subscriptions.ResumeAsync(channel.Key, name, cancellationToken),
            "mute-source" => await subscriptions.MuteSourceAsync(channel.Key, name, context.GetString("source") ?? "", cancellationToken),
            "unmute-source" => await subscriptions.UnmuteSourceAsync(channel.Key, name, context.GetString("source") ?? "", cancellationToken),
            _ => SubscriptionResult.Fail($"Unknown subcommand '{context.Subcommand}'; use show, pause, resume, mute-source or unmute-source."),
        };
        return result.Subscription is { } subscription
            ? CommandResponse.Message($"{Done(context.Subcommand)}\n{SubscriptionText.Describe(subscription, time.GetUtcNow())}", ephemeral: true)
            : CommandResponse.Error(result.Error!);
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);

    private async Task<CommandResponse> ShowAsync(CommandChannel channel, string? name, CancellationToken cancellationToken)
    {
        IReadOnlyList<Subscription> shown;
        if (string.IsNullOrWhiteSpace(name))
        {
            shown = await store.ListForChannelAsync(channel.Key, cancellationToken);
        }
        else
        {
            var found = await subscriptions.FindAsync(channel.Key, name, cancellationToken);
            if (found.Subscription is null)
            {
                return CommandResponse.Error(found.Error!);
            }

            shown = [found.Subscription];
        }

        if (shown.Count == 0)
        {
            return CommandResponse.Message($"{channel.Mention} has no subscription yet; someone with Manage Channels can create one with /subscribe.", ephemeral: true);
        }

        var now = time.GetUtcNow();
        return CommandResponse.Message(ChatMarkdown.Fit(string.Join("\n\n", shown.Select(s => SubscriptionText.Describe(s, now)))), ephemeral: true);
    }

    private static string PauseReason(CommandContext context)
    {
        var reason = context.GetString("reason")?.Trim();
        return string.IsNullOrEmpty(reason) ? $"paused by {Invoker.Name(context)}" : $"{reason} (paused by {Invoker.Name(context)})";
    }

    private static string Done(string? subcommand) => subcommand switch
    {
        "pause" => "Paused; no digests until /subscription resume.",
        "resume" => "Resumed.",
        "mute-source" => "Muted.",
        _ => "Unmuted.",
    };
}
