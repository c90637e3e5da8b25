namespace BotHost.Core.Digests;

/// <summary>The feedback actions under one story (a row of buttons in Discord).</summary>
public sealed record DigestActionRow(IReadOnlyList<DigestAction> Actions);
