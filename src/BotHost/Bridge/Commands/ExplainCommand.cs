using BotHost.Core.Delivery;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/explain url [name]: why a link was or would be in this channel's digest, or what dropped it.</summary>
public sealed class ExplainCommand(StoryExplainer explainer) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "explain",
        Description = "Why a link was or would be in this channel's digest, or what dropped it.",
        Contexts = [0],
        Options =
        [
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "url", Description = "The link to explain.", Required = true, MinLength = 4, MaxLength = 2048,
            },
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "name", Description = "Only this subscription of the channel.", Required = false, MaxLength = 32,
            },
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (ChannelCommands.ChannelOf(context) is not { } channel)
        {
            return CommandResponse.Error(ChannelCommands.NotInGuild);
        }

        var url = context.GetString("url")?.Trim() ?? "";
        return CommandResponse.Message(await explainer.ExplainAsync(channel, url, context.GetString("name"), cancellationToken), ephemeral: true);
    }
}
