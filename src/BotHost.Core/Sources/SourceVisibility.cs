namespace BotHost.Core.Sources;

/// <summary>
/// Which collected sources a guild may see: a configured source (the sources file, matched by location) is everyone's;
/// a feed a guild added with /sources add is seen only by the guilds that added it. Stories and digests ask here
/// rather than reading guild_sources themselves.
/// </summary>
public sealed class SourceVisibility(SourceCatalog catalog, GuildSourceStore guildSources)
{
    /// <summary>
    /// Ids of the sources rows <paramref name="guildId"/> must not see (a DM, null, sees configured sources only):
    /// some guild's own feed that is neither this guild's nor configured. Applied whatever Sources:AllowGuildSources
    /// says, so what guild feeds brought in while it was on stays with their guilds after it is turned off.
    /// </summary>
    public Task<IReadOnlyList<long>> HiddenFromAsync(ulong? guildId, CancellationToken cancellationToken)
        => guildSources.SourceIdsHiddenFromAsync(guildId, [.. ConfiguredLocations()], cancellationToken);

    /// <summary>
    /// The locations of the configured sources, everyone's; none when the sources file cannot be read (the host refuses
    /// to start then), so guild feeds stay private.
    /// </summary>
    public IReadOnlySet<string> ConfiguredLocations()
    {
        try
        {
            return catalog.Sources.Select(s => s.Location).ToHashSet(StringComparer.Ordinal);
        }
        catch (SourcesFileException)
        {
            return new HashSet<string>();
        }
    }
}
