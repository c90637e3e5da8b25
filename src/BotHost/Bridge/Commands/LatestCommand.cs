using BotHost.Bridge.Autocomplete;
using BotHost.Core.Stories;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/latest [topic] [count]: the freshest stories of the last week, with where else they were seen.</summary>
public sealed class LatestCommand(StoryQueries stories, CommandSuggestions suggestions, TimeProvider time) : SlashCommand
{
    private const int MaxCount = 20;
    private const int DefaultCount = 5;
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "latest",
        Description = "Show the newest stories BotHost has collected.",
        Contexts = [0],
        Options =
        [
            OptionDefinitions.Text("topic", "Only stories on this topic.", autocomplete: true),
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many stories (1-20, default 5).",
                Required = false, MinValue = 1, MaxValue = MaxCount,
            },
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var count = context.GetInteger("count") ?? DefaultCount;
        if (count is < 1 or > MaxCount)
        {
            return CommandResponse.Error($"count must be between 1 and {MaxCount}; you gave {count}.");
        }

        var topic = context.GetString("topic");
        var latest = await stories.LatestAsync(topic, time.GetUtcNow() - Window, (int)count, context.GuildId, cancellationToken);
        if (latest.Error is not null)
        {
            return CommandResponse.Error(latest.Error);
        }

        var about = topic is null ? "" : $" on {ChatMarkdown.Escape(topic)}";
        return latest.Stories.Count == 0
            ? CommandResponse.Message($"No stories{about} collected in the last 7 days yet.", ephemeral: true)
            : CommandResponse.Message(StoryListText.Render($"**Latest {latest.Stories.Count} stories{about}**", latest.Stories));
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);
}
