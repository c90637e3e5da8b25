using BotHost.Core.Picks;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/share url [note]: makes a link a curator pick for this channel's next digest.</summary>
public sealed class ShareCommand(ShareReply reply) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "share",
        Description = "Pick a link for this channel's next digest, with a note if you like.",
        Contexts = [0],
        Options =
        [
            OptionDefinitions.Text("url", "The link to share.", required: true, maxLength: 2048),
            OptionDefinitions.Text("note", "Why it is worth reading (shown with the pick).", maxLength: ShareService.MaxNoteLength),
        ],
    };

    // Fetching a page may take seconds: acknowledge first, answer when done.
    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Defer(ct => reply.ShareAsync(context, context.GetString("url") ?? "", context.GetString("note"), ct), ephemeral: true));
}
