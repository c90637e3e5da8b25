using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Digests;

/// <summary>
/// What the buttons under a digest do: a 👍/👎 is recorded for the story's first source in that channel (the
/// feedback part of later scores), and "mute this source" mutes it for the subscription that posted the digest. The
/// first source is the first the channel's guild may see, the one its digest named.
/// </summary>
public sealed class DigestFeedback(
    SqliteConnectionFactory connections, StoryDigestQueries stories, FeedbackStore feedback, SubscriptionStore subscriptions, SubscriptionService service, SourceVisibility visibility)
{
    /// <summary>Records the vote and returns the source it counts for, or null when the story is gone (pruned).</summary>
    public async Task<string?> VoteAsync(ChannelKey channel, long storyId, ulong userId, bool up, CancellationToken cancellationToken)
    {
        if (await SourceOfAsync(channel, storyId, cancellationToken) is not { } source)
        {
            return null;
        }

        await feedback.RecordAsync(channel, storyId, userId, up ? 1 : -1, source, cancellationToken);
        return source;
    }

    /// <summary>Mutes the story's first source for the subscription, which must belong to <paramref name="channel"/>.</summary>
    public async Task<SubscriptionResult> MuteSourceAsync(ChannelKey channel, long subscriptionId, long storyId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken);
        if (subscription is null || subscription.Channel != channel)
        {
            return SubscriptionResult.Fail("That digest's subscription no longer exists in this channel.");
        }

        return await SourceOfAsync(channel, storyId, cancellationToken) is { } source
            ? await service.MuteSourceAsync(channel, subscription.Name, source, cancellationToken)
            : SubscriptionResult.Fail("That story is no longer stored, so its source is unknown.");
    }

    private async Task<string?> SourceOfAsync(ChannelKey channel, long storyId, CancellationToken cancellationToken)
    {
        var hidden = await visibility.HiddenFromAsync(channel.GuildId, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var story = await stories.GetAsync(connection, storyId, hidden, cancellationToken);
        return story?.Sources.FirstOrDefault();
    }
}
