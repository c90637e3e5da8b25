namespace BotHost.Core.Picks;

/// <summary>What a shared page says about itself: its title and a short description (possibly empty).</summary>
public sealed record PageMetadata(string Title, string Description);
