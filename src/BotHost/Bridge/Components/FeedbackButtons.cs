using BotHost.Bridge.Commands;
using BotHost.Core.Digests;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Components;

/// <summary>
/// The 👍 / 👎 / mute buttons under every digest story. Votes are recorded per channel and member and change how
/// that source ranks here later; muting needs Manage Channels. Answered only to the member who clicked.
/// </summary>
public sealed class FeedbackButtons(DigestFeedback feedback) : ComponentHandler
{
    public override string CustomIdPrefix => FeedbackCustomId.Prefix;

    public override async Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (ChannelCommands.ChannelOf(context) is not { } channel || context.User is not { } user)
        {
            return CommandResponse.Error(ChannelCommands.NotInGuild);
        }

        if (!FeedbackCustomId.TryParse(context.CustomId, out var kind, out var subscriptionId, out var storyId))
        {
            return CommandResponse.Error("This button is no longer in use.");
        }

        if (kind == DigestActionKind.MuteSource)
        {
            if (!context.MemberHas(DiscordPermissions.ManageChannels))
            {
                return CommandResponse.Error(ChannelCommands.NeedsManageChannels);
            }

            var muted = await feedback.MuteSourceAsync(channel, subscriptionId, storyId, cancellationToken);
            return muted.Succeeded
                ? CommandResponse.Message($"Muted for **{ChatText.Escape(muted.Subscription!.Name)}**: stories only from {ChatText.Escape(string.Join(", ", muted.Subscription.MutedSources))} are no longer posted here. Undo with /subscription unmute-source.", ephemeral: true)
                : CommandResponse.Error(muted.Error!);
        }

        var up = kind == DigestActionKind.Upvote;
        var source = await feedback.VoteAsync(channel, storyId, user.Id, up, cancellationToken);
        return source is null
            ? CommandResponse.Error("That story is no longer stored; your vote was not recorded.")
            : CommandResponse.Message($"Thanks, noted {(up ? "👍" : "👎")}: stories from {ChatText.Escape(source)} will rank {(up ? "higher" : "lower")} in this channel.", ephemeral: true);
    }
}
