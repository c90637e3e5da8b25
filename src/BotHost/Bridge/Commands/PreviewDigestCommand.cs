using BotHost.Core.Digests;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/preview: the digest that would be posted next, shown only to the caller.</summary>
public sealed class PreviewDigestCommand(DigestComposer composer) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "preview",
        Description = "Preview the next digest (only you see it).",
        Contexts = [0],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var digest = await composer.ComposeAsync(cancellationToken);
        return digest.Stories.Count == 0
            ? CommandResponse.Message("The next digest would be empty: no new stories yet.", ephemeral: true)
            : CommandResponse.Message(DigestRenderer.MarkdownList("**Next digest (preview)**", digest.Stories, DiscordMessageLimit.Content), ephemeral: true);
    }
}
