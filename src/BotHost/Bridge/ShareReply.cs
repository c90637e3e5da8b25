using System.Globalization;
using BotHost.Core.Picks;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;

namespace BotHost.Bridge;

/// <summary>Runs a share for /share and "Share to digest" and words the outcome for the member.</summary>
public sealed class ShareReply(ShareService shares)
{
    public async Task<CommandResponse> ShareAsync(InteractionContext context, string url, string? note, CancellationToken cancellationToken)
    {
        if (context.GuildId is not { } guild || context.ChannelId is not { } channel)
        {
            return CommandResponse.Error("Share into a server channel, not a direct message.");
        }

        var request = new ShareRequest(new ChannelKey(guild, channel), url, note, Invoker.Id(context), Invoker.Name(context), Invoker.RoleIds(context));
        var result = await shares.ShareAsync(request, cancellationToken);
        var story = result.Story;
        var title = story is null ? "" : $"**{ChatMarkdown.Escape(story.Title)}**";
        var by = result.Pick is { } pick ? ChatMarkdown.Escape(pick.PickedByName) : "";
        return result.Outcome switch
        {
            ShareOutcome.AlreadyCollected => CommandResponse.Message(
                $"Already collected from {ChatMarkdown.Escape(story!.Sources.FirstOrDefault() ?? "a feed")} on {story.FirstSeenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {title}.\n" +
                $"Marked as a pick for the next digest here (picked by {by}).", ephemeral: true),
            ShareOutcome.Picked => CommandResponse.Message($"Shared {title}: it leads the next digest here (picked by {by}).", ephemeral: true),
            ShareOutcome.AlreadyPicked => CommandResponse.Message(
                $"{title} is already a pick here (picked by {by} on {result.Pick!.PickedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}); nothing changed.", ephemeral: true),
            ShareOutcome.NotAllowed => CommandResponse.Error(
                $"Only members with {string.Join(" or ", result.RequiredRoleIds.Select(r => $"<@&{r}>"))} may share into this channel; ask one of them."),
            _ => CommandResponse.Error(result.Error ?? "That could not be shared."),
        };
    }
}
