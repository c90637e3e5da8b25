namespace BotHost.Core.Digests;

/// <summary>A card (an embed in Discord): title linked to <see cref="Url"/>, a Markdown description and a plain footer.</summary>
public sealed record DigestCard(string? Title, string? Url, string? Description, string? Footer);
