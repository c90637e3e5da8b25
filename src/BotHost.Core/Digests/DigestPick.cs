namespace BotHost.Core.Digests;

/// <summary>A member shared this story to the channel's digest ("picked by @name"), with their note.</summary>
public sealed record DigestPick(string PickedBy, string? Note);
