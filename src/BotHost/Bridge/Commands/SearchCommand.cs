using BotHost.Bridge.Autocomplete;
using BotHost.Bridge.Components;
using BotHost.Core.Stories;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/search query [topic] [since]: full-text search, shown only to the caller, with a button to share the results.</summary>
public sealed class SearchCommand(StoryQueries stories, CommandSuggestions suggestions, TimeProvider time) : SlashCommand
{
    public const int MaxResults = 10;

    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "search",
        Description = "Search the stories BotHost has collected (only you see the results).",
        Contexts = [0],
        Options =
        [
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.String, Name = "query", Description = "Words to find; \"quoted phrases\", OR and NOT work too.",
                Required = true, MinLength = 2, MaxLength = StorySearchQuery.MaxLength,
            },
            OptionDefinitions.Text("topic", "Only stories on this topic.", autocomplete: true),
            OptionDefinitions.Text("since", "How far back: 24h, 7d, 2w or a date like 2026-11-01 (default: all)."),
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var query = context.GetString("query")?.Trim() ?? "";
        DateTimeOffset? since = null;
        if (context.GetString("since") is { } typedSince)
        {
            if (!SearchSince.TryParse(typedSince, time.GetUtcNow(), out var parsed, out var sinceError))
            {
                return CommandResponse.Error(sinceError);
            }

            since = parsed;
        }

        var found = await stories.SearchAsync(query, context.GetString("topic"), since, MaxResults, context.GuildId, cancellationToken);
        if (found.Error is not null)
        {
            return CommandResponse.Error(found.Error);
        }

        if (found.Stories.Count == 0)
        {
            return CommandResponse.Error($"No stories match {ChatMarkdown.Escape(query)}{(since is null ? "" : " in that time")}. Try fewer or shorter words, or a wider since:.");
        }

        var heading = found.Stories.Count == 1 ? "**1 story matches**" : $"**{found.Stories.Count} stories match**, best first";
        return CommandResponse.Message(
            StoryListText.Render(heading, found.Stories),
            embeds: null,
            components: [SearchShareButton.For(found.Stories)],
            ephemeral: true);
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);
}
