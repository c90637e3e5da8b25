using System.Text;
using BotHost.Core.Stories;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>/topics: the topics a subscription can follow, each with some of the words that put a story in it.</summary>
public sealed class TopicsCommand(TopicFilter topics) : SlashCommand
{
    private const int ShownKeywords = 8;

    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "topics",
        Description = "List the topics a subscription can follow.",
        Contexts = [0],
    };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (topics.Vocabulary is not { } vocabulary)
        {
            return Task.FromResult(CommandResponse.Message("This bot has no topic list; every subscription gets all stories.", ephemeral: true));
        }

        var sb = new StringBuilder($"**{vocabulary.Topics.Count} topics** (use them in /subscribe topics:, /search topic: and /latest topic:)\n");
        foreach (var topic in vocabulary.Topics.Order(StringComparer.Ordinal))
        {
            var keywords = vocabulary.KeywordsOf(topic);
            var more = keywords.Count > ShownKeywords ? $", … ({keywords.Count} words)" : "";
            sb.Append($"**{ChatMarkdown.Escape(topic)}**: {ChatMarkdown.Escape(string.Join(", ", keywords.Take(ShownKeywords)))}{more}\n");
        }

        return Task.FromResult(CommandResponse.Message(ChatMarkdown.Fit(sb.ToString().TrimEnd()), ephemeral: true));
    }
}
