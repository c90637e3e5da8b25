using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/help: what each command does, with an example of each.</summary>
public sealed class HelpCommand : SlashCommand
{
    public const string Text =
        "**BotHost** collects developer news and posts a digest to subscribed channels.\n" +
        "`/subscribe topics:backend, ai time:08:30 timezone:Europe/Berlin`: digest here every day at 08:30 (Manage Channels)\n" +
        "`/subscribe name:weekly-ai topics:ai mode:weekly weekday:friday`: a second, weekly one\n" +
        "`/subscription show`: what this channel gets and when · `pause`, `resume`, `mute-source source:Hacker News`\n" +
        "`/unsubscribe name:weekly-ai`: stop one (asks to confirm)\n" +
        "`/digest preview`: the next digest, only for you · `/digest now`: post it now (Manage Channels)\n" +
        "`/search query:sqlite wal since:7d`: find stories (\"phrases\", OR, NOT work) · `/latest topic:devops count:5`\n" +
        "`/share url:https://example.com/post note:worth it`: pick a link for the next digest (or Apps → Share to digest on a message)\n" +
        "`/explain url:https://example.com/post`: why a story was or was not in this channel's digest\n" +
        "`/topics`: topics to follow · `/sources list`: feeds and their health";

    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "help",
        Description = "What BotHost can do, with examples.",
        Contexts = [0],
    };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Message(Text, ephemeral: true));
}
