namespace BotHost.Core.Picks;

public enum ShareOutcome
{
    /// <summary>A page no feed had brought: fetched, stored and picked.</summary>
    Picked,

    /// <summary>A feed already brought it; it is now also a pick for this channel.</summary>
    AlreadyCollected,

    /// <summary>Someone already picked it for this channel; nothing changed.</summary>
    AlreadyPicked,

    /// <summary>The channel's subscriptions let only some roles share, and the member has none of them.</summary>
    NotAllowed,

    /// <summary>The link or note is unusable, or the page could not be fetched; nothing changed.</summary>
    Refused,
}
