namespace BotHost.Core.Storage;

/// <summary>
/// A feature that references stories (deliveries, curator picks) keeps them from retention by naming them in a
/// query over its own tables, so the pruner never reads another feature's tables by itself.
/// </summary>
public interface IStoryRetentionHold
{
    /// <summary>A parameterless <c>SELECT story_id FROM …</c> over the feature's own tables.</summary>
    string HeldStoryIdsQuery { get; }
}
