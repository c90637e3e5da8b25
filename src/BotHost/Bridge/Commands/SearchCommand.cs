using BotHost.Core.Digests;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/search query: full-text search over collected stories.</summary>
public sealed class SearchCommand(StorySearch search) : SlashCommand
{
    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "search",
        Description = "Search the stories BotHost has collected.",
        Contexts = [0],
        Options =
        [
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "query", Description = "Words to look for in titles and summaries.",
                Required = true, MinLength = 2, MaxLength = StorySearch.MaxQueryLength,
            },
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var query = context.GetString("query")?.Trim() ?? string.Empty;
        if (query.Length < 2)
        {
            return CommandResponse.Error("query must have at least 2 characters.");
        }

        var found = await search.SearchAsync(query, 10, cancellationToken);
        return found.Count == 0
            ? CommandResponse.Message("No stories match that search.", ephemeral: true)
            : CommandResponse.Message(StoryListMarkdown.Render($"**{found.Count} stories match**", found, DiscordMessageLimit.Content));
    }
}
