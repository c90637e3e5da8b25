using System.Globalization;
using System.Text.Json;
using BotHost.Bridge.Components;
using BotHost.Bridge.Delivery;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Commands;

/// <summary>
/// /digest preview [name]: exactly what /digest now would post, shown only to the caller (page through the
/// messages with buttons). /digest now [name]: posts this period's digest through the same outbox and sender as the
/// scheduled one (Manage Channels); it counts as the period's digest, so the scheduled one is not posted again.
/// </summary>
public sealed class DigestCommand(SubscriptionService subscriptions, SubscriptionStore store, DigestRunner runner, TimeProvider time) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "digest",
        Description = "Preview or post this channel's digest.",
        Contexts = [0],
        Options =
        [
            Subcommand("preview", "Show what the next digest would post now (only you see it)."),
            Subcommand("now", "Post this period's digest now (Manage Channels)."),
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (ChannelCommands.ChannelOf(context) is not { } channel)
        {
            return CommandResponse.Error(ChannelCommands.NotInGuild);
        }

        var now = context.Subcommand == "now";
        if (now && !context.MemberHas(DiscordPermissions.ManageChannels))
        {
            return CommandResponse.Error(ChannelCommands.NeedsManageChannels);
        }

        var found = await subscriptions.FindAsync(channel, context.GetString("name"), cancellationToken);
        if (found.Subscription is not { } subscription)
        {
            return CommandResponse.Error(found.Error!);
        }

        return now ? await PostNowAsync(subscription, cancellationToken) : await DigestPreview.PageAsync(runner, subscription, 1, cancellationToken);
    }

    public override async Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (ChannelCommands.ChannelOf(context) is not { } channel)
        {
            return CommandResponse.Choices([]);
        }

        var typed = context.FocusedText.Trim();
        var names = (await store.ListForChannelAsync(channel, cancellationToken)).Select(s => s.Name)
            .Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase));
        return CommandResponse.Choices(names.Select(n => ApplicationCommandOptionChoice.Of(n, n)));
    }

    private async Task<CommandResponse> PostNowAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var result = await runner.RunNowAsync(subscription, cancellationToken);
        if (result.Existing is { } existing)
        {
            var next = DeliveryTimes.NextAfter(subscription, time.GetUtcNow());
            return CommandResponse.Message(
                $"This period's digest ({existing.PeriodKey}) was already {(existing.Status == DeliveryStatus.Pending ? "started" : "posted")} at {Stamp(existing.CreatedAt)} with {existing.StoryCount} stories; " +
                $"it is not posted twice.{(next is { } at ? $" The next one is due {Stamp(at)}." : "")}",
                ephemeral: true);
        }

        if (result.Parts.Count == 0)
        {
            return CommandResponse.Message("Nothing new to post: no story matching this subscription arrived since its last digest.", ephemeral: true);
        }

        var count = result.Selection!.Digest.Entries.Count;
        return CommandResponse.Message(
            string.Create(CultureInfo.InvariantCulture, $"Posting **{subscription.Name}** now: {count} {(count == 1 ? "story" : "stories")} in {result.Parts.Count} {(result.Parts.Count == 1 ? "message" : "messages")}."),
            ephemeral: true);
    }

    // Discord shows <t:…> in each reader's own time zone.
    private static string Stamp(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:f>");

    private static ApplicationCommandOptionDefinition Subcommand(string name, string description) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options =
        [
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "name", Description = "Which subscription of this channel (default: its only one).",
                Required = false, MaxLength = SubscriptionRules.MaxNameLength, Autocomplete = true,
            },
        ],
    };
}
