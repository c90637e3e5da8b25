using System.Globalization;
using System.Text;
using System.Text.Json;
using BotHost.Bridge.Components;
using BotHost.Core.Sources;
using Microsoft.Extensions.Options;

namespace BotHost.Bridge;

/// <summary>
/// The sources a guild sees (configured ones, plus its own) with their health, ten to a page with Previous/Next
/// buttons: ok since when, or failing since when and the last error on one line.
/// </summary>
public sealed class SourcesListing(SourceCatalog catalog, SourceStore states, GuildSourceStore guildSources, IOptions<SourceOptions> options)
{
    public const int PageSize = 10;
    private const int MaxErrorLength = 160;

    public async Task<(string Text, IReadOnlyList<JsonElement> Components)> PageAsync(ulong? guildId, int page, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(guildId, cancellationToken);
        if (entries.Count == 0)
        {
            return ("No sources are configured yet.", []);
        }

        var pages = (entries.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var stored = (await states.ListAsync(cancellationToken)).ToDictionary(s => s.Location, StringComparer.Ordinal);
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"**{entries.Count} sources**{(pages > 1 ? $" (page {page + 1} of {pages})" : "")}\n");
        foreach (var (name, location, own) in entries.Skip(page * PageSize).Take(PageSize))
        {
            sb.Append("**").Append(ChatMarkdown.Escape(name)).Append("**").Append(own ? " (this server's)" : "").Append(" — ")
              .Append(Health(stored.GetValueOrDefault(location))).Append('\n');
        }

        IReadOnlyList<JsonElement> components = pages == 1 ? [] : [SourcesPageButtons.For(page, pages)];
        return (ChatMarkdown.Fit(sb.ToString().TrimEnd()), components);
    }

    private async Task<List<(string Name, string Location, bool Own)>> EntriesAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        var entries = catalog.Sources.Select(s => (s.Name, s.Location, Own: false)).ToList();
        if (guildId is { } guild && options.Value.AllowGuildSources)
        {
            entries.AddRange((await guildSources.ListForGuildAsync(guild, cancellationToken)).Select(s => (s.Name, s.Url, Own: true)));
        }

        return entries;
    }

    private static string Health(SourceState? state)
    {
        if (state?.LastAttemptAt is null)
        {
            return "not fetched yet";
        }

        if (state.FailingSince is { } since)
        {
            var lastOk = state.LastSuccessAt is { } ok ? $"; last success {When(ok)}" : "; never fetched successfully";
            var error = (state.LastError ?? "unknown error").ReplaceLineEndings(" ");
            error = error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 3)] + "...";
            return $"failing since {When(since)} ({state.ConsecutiveFailures} tries{lastOk}): {ChatMarkdown.Escape(error)}";
        }

        return $"ok, last success {When(state.LastSuccessAt ?? state.LastAttemptAt.Value)}";
    }

    private static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
