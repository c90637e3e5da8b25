using System.Globalization;
using System.Text.Json;
using BotHost.Core.Digests;
using BotHost.Core.Stories;
using BotHost.Discord.Interactions.Commands;

namespace BotHost.Bridge.Components;

/// <summary>"Share in channel" under private /search results: posts the same stories publicly, naming who shared them.</summary>
public sealed class SearchShareButton(StoryQueries stories) : ComponentHandler
{
    public const string Prefix = "search:share:";

    public override string CustomIdPrefix => Prefix;

    public override bool Ephemeral => false;

    /// <summary>The story ids travel in the custom_id (at most 100 characters), so as many as fit are shared.</summary>
    public static JsonElement For(IReadOnlyList<DigestStory> found)
    {
        var customId = Prefix;
        foreach (var story in found)
        {
            var next = customId + (customId.Length == Prefix.Length ? "" : ".") + story.StoryId.ToString(CultureInfo.InvariantCulture);
            if (next.Length > ComponentJson.MaxCustomIdLength)
            {
                break;
            }

            customId = next;
        }

        return ComponentJson.Row(ComponentJson.Button("Share in channel", customId));
    }

    public override async Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var ids = context.CustomId[Prefix.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(id => id > 0)
            .ToList();
        var shared = await stories.GetManyAsync(ids, context.GuildId, cancellationToken, collectedOnly: true);
        return shared.Count == 0
            ? CommandResponse.Error("Those stories are no longer stored; search again.")
            : CommandResponse.Message(StoryListText.Render($"**{ChatMarkdown.Escape(Invoker.Name(context))} shared {(shared.Count == 1 ? "a story" : $"{shared.Count} stories")} from a search**", shared));
    }
}
