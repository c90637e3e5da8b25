using Microsoft.Extensions.Options;

namespace BotHost.Core.Sources;

/// <summary>The sources a guild can see and name: every configured source, plus its own when guild sources are on.</summary>
public sealed class SourceNames(SourceCatalog catalog, GuildSourceStore guildSources, IOptions<SourceOptions> options)
{
    /// <summary>Configured source names; empty when the sources file cannot be read (the host refuses to start then).</summary>
    public IReadOnlyList<string> Configured
    {
        get
        {
            try
            {
                return [.. catalog.Sources.Select(s => s.Name)];
            }
            catch (SourcesFileException)
            {
                return [];
            }
        }
    }

    public async Task<IReadOnlyList<string>> ForGuildAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        if (guildId is not { } guild || !options.Value.AllowGuildSources)
        {
            return Configured;
        }

        var own = await guildSources.ListForGuildAsync(guild, cancellationToken);
        return [.. Configured.Concat(own.Select(s => s.Name)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
