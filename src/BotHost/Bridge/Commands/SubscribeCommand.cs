using BotHost.Bridge.Autocomplete;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Commands;

/// <summary>/subscribe: creates the channel's subscription or changes the options given; every option is optional.</summary>
public sealed class SubscribeCommand(SubscriptionService subscriptions, CommandSuggestions suggestions, TimeProvider time) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "subscribe",
        Description = "Subscribe this channel to a digest, or change its subscription.",
        Contexts = [0],
        DefaultMemberPermissions = DiscordPermissions.ManageChannels,
        Options =
        [
            OptionDefinitions.Text("topics", "Topics, comma-separated (default: all). See /topics.", autocomplete: true),
            OptionDefinitions.Text("time", "Local delivery time, HH:MM 24-hour (default 09:00)."),
            OptionDefinitions.Text("timezone", "IANA time zone, e.g. Europe/Berlin (default UTC).", autocomplete: true),
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "mode", Description = "daily (default), weekly or instant.",
                Choices = [ApplicationCommandOptionChoice.Of("daily", "daily"), ApplicationCommandOptionChoice.Of("weekly", "weekly"), ApplicationCommandOptionChoice.Of("instant", "instant")],
            },
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "weekday", Description = "Day of a weekly digest (default Monday).",
                Choices = [.. Enum.GetValues<DayOfWeek>().Select(d => ApplicationCommandOptionChoice.Of(d.ToString(), d.ToString().ToLowerInvariant()))],
            },
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.Integer, Name = "size", Description = "Stories per digest, 1-25 (default 10).",
                MinValue = 1, MaxValue = SubscriptionRules.MaxSize,
            },
            OptionDefinitions.Name("Name it to keep several per channel (default: default)."),
            OptionDefinitions.Channel("Channel to subscribe (default: this one)."),
            OptionDefinitions.Text("sources", "Only these sources, comma-separated (default: all). See /sources list.", autocomplete: true),
            OptionDefinitions.Text("include", "Only stories with one of these keywords, comma-separated (none: clear)."),
            OptionDefinitions.Text("exclude", "Never stories with these keywords, comma-separated (none: clear)."),
            OptionDefinitions.Text("include-pattern", "Only stories whose title or summary match this regex (none: clear).", maxLength: SubscriptionRules.MaxPatternLength),
            OptionDefinitions.Text("exclude-pattern", "Drop stories whose title or summary match this regex (none: clear).", maxLength: SubscriptionRules.MaxPatternLength),
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.Role, Name = "share-role", Description = "Only this role may /share here (@everyone: anyone).",
            },
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!CommandChannel.TryResolve(context, out var channel, out var error))
        {
            return CommandResponse.Error(error);
        }

        if ((channel.RefuseUnlessMemberCanManage() ?? channel.RefuseUnlessBotCanPost()) is { } refused)
        {
            return refused;
        }

        // Discord's @everyone role has the guild's id: picking it lifts the restriction.
        var role = RoleOption.Get(context, "share-role");
        var request = new SubscriptionRequest
        {
            Name = context.GetString("name"),
            Topics = context.GetString("topics"),
            Sources = context.GetString("sources"),
            Include = context.GetString("include"),
            Exclude = context.GetString("exclude"),
            IncludePattern = context.GetString("include-pattern"),
            ExcludePattern = context.GetString("exclude-pattern"),
            Mode = context.GetString("mode"),
            Time = context.GetString("time"),
            Weekday = context.GetString("weekday"),
            TimeZone = context.GetString("timezone"),
            Size = context.GetInteger("size"),
            ShareRoleId = role is { } id && id == channel.Key.GuildId ? 0 : role,
            RequestedBy = Invoker.Id(context),
        };
        var result = await subscriptions.SubscribeAsync(channel.Key, request, cancellationToken);
        if (result.Subscription is not { } subscription)
        {
            return CommandResponse.Error(result.Error!);
        }

        var verb = result.Created ? "Subscribed" : "Updated";
        return CommandResponse.Message($"{verb} {channel.Mention}.\n{SubscriptionText.Describe(subscription, time.GetUtcNow())}", ephemeral: true);
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);
}
