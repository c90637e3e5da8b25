using BotHost.Core.Digests;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/latest [count]: the newest stories, with where else they were seen.</summary>
public sealed class LatestCommand(DigestStore stories, TimeProvider time) : SlashCommand
{
    private const int MaxCount = 20;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "latest",
        Description = "Show the newest stories BotHost has collected.",
        Contexts = [0],
        Options =
        [
            new ApplicationCommandOptionDefinition
            {
                Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many stories (1-20, default 5).",
                Required = false, MinValue = 1, MaxValue = MaxCount,
            },
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var count = context.GetInteger("count") ?? 5;
        if (count is < 1 or > MaxCount)
        {
            return CommandResponse.Error($"count must be between 1 and {MaxCount}; you gave {count}.");
        }

        var latest = await stories.RecentStoriesAsync(time.GetUtcNow() - TimeSpan.FromDays(7), (int)count, cancellationToken);
        return latest.Count == 0
            ? CommandResponse.Message("No stories collected in the last 7 days yet.", ephemeral: true)
            : CommandResponse.Message(StoryListMarkdown.Render($"**Latest {latest.Count} stories**", latest, DiscordMessageLimit.Content));
    }
}
