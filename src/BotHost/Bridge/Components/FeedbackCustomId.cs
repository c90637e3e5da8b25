using System.Globalization;
using BotHost.Core.Digests;

namespace BotHost.Bridge.Components;

/// <summary>
/// The custom_id of a digest feedback button: "dfb:{u|d|m}:{subscription}:{story}" (at most ~45 characters, under
/// Discord's 100). The click carries everything the handler needs; the channel comes from the interaction.
/// </summary>
public static class FeedbackCustomId
{
    public const string Prefix = "dfb:";

    public static string Of(DigestAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var kind = action.Kind switch
        {
            DigestActionKind.Upvote => 'u',
            DigestActionKind.Downvote => 'd',
            _ => 'm',
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{kind}:{action.SubscriptionId}:{action.StoryId}");
    }

    public static bool TryParse(string customId, out DigestActionKind kind, out long subscriptionId, out long storyId)
    {
        kind = default;
        subscriptionId = storyId = 0;
        var parts = customId.Split(':');
        if (parts is not [var prefix, var k, var sub, var story] || prefix + ":" != Prefix
            || !long.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out subscriptionId)
            || !long.TryParse(story, NumberStyles.None, CultureInfo.InvariantCulture, out storyId))
        {
            return false;
        }

        kind = k switch
        {
            "u" => DigestActionKind.Upvote,
            "d" => DigestActionKind.Downvote,
            "m" => DigestActionKind.MuteSource,
            _ => (DigestActionKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
