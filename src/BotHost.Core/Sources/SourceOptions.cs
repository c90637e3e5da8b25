namespace BotHost.Core.Sources;

/// <summary>Settings of the "Sources" section: whether guild admins may add their own feeds, and how many.</summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    /// <summary>Lets members with Manage Server use /sources add and /sources remove in their guild.</summary>
    public bool AllowGuildSources { get; set; }

    public int MaxPerGuild { get; set; } = 10;
}
