using System.Globalization;
using System.Text.Json;
using BotHost.Discord.Interactions.Commands;

namespace BotHost.Bridge.Components;

/// <summary>Previous / Next under /sources list; the page number travels in the custom_id and the message is replaced.</summary>
public sealed class SourcesPageButtons(SourcesListing listing) : ComponentHandler
{
    public const string Prefix = "sources:page:";

    public override string CustomIdPrefix => Prefix;

    public override bool UpdatesMessage => true;

    public static JsonElement For(int page, int pages) => ComponentJson.Row(
        ComponentJson.Button("◀ Previous", Prefix + (page - 1).ToString(CultureInfo.InvariantCulture), ComponentJson.Secondary) with { Disabled = page == 0 },
        ComponentJson.Button("Next ▶", Prefix + (page + 1).ToString(CultureInfo.InvariantCulture), ComponentJson.Secondary) with { Disabled = page >= pages - 1 });

    public override async Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var page = int.TryParse(context.CustomId[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var (text, components) = await listing.PageAsync(context.GuildId, page, cancellationToken);
        return CommandResponse.UpdateMessage(text, components: components);
    }
}
