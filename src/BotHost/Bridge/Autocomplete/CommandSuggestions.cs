using BotHost.Core.Sources;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Autocomplete;

/// <summary>
/// Autocomplete for every command, by the focused option's name: topics, sources, time zones (from memory) and the
/// channel's subscription names (one indexed query). List options ("backend, a…") complete their last entry.
/// </summary>
public sealed class CommandSuggestions(SubscriptionRules rules, SubscriptionStore subscriptions, SourceNames sources)
{
    private const int Max = CommandResponse.MaxChoices;
    private const int MaxValueLength = 100;

    public async Task<CommandResponse> SuggestAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var typed = context.FocusedText;
        IEnumerable<string> suggestions = context.FocusedOption?.Name switch
        {
            "topics" => CompleteList(typed, rules.Topics, ' '),
            "topic" => Matching(typed, rules.Topics),
            "timezone" => TimeZoneCatalog.Suggest(typed, Max),
            "sources" => CompleteList(typed, await sources.ForGuildAsync(context.GuildId, cancellationToken), ','),
            "source" => Matching(typed, await sources.ForGuildAsync(context.GuildId, cancellationToken)),
            "name" => Matching(typed, await SubscriptionNamesAsync(context, cancellationToken)),
            _ => [],
        };
        return CommandResponse.Choices(suggestions
            .Where(s => s.Length is > 0 and <= MaxValueLength)
            .Distinct(StringComparer.Ordinal)
            .Take(Max)
            .Select(s => ApplicationCommandOptionChoice.Of(s, s)));
    }

    private async Task<IReadOnlyList<string>> SubscriptionNamesAsync(CommandContext context, CancellationToken cancellationToken)
        => CommandChannel.TryResolve(context, out var channel, out _)
            ? [.. (await subscriptions.ListForChannelAsync(channel.Key, cancellationToken)).Select(s => s.Name)]
            : [];

    private static IEnumerable<string> Matching(string typed, IEnumerable<string> candidates)
    {
        var text = typed.Trim();
        var all = candidates.ToList();
        return all.Where(c => c.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            .Concat(all.Where(c => c.Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    // "backend, a" → "backend, ai", "backend, architecture": keeps what is typed, completes the last entry, skips repeats.
    private static IEnumerable<string> CompleteList(string typed, IEnumerable<string> candidates, char spaceSeparator)
    {
        var cut = typed.LastIndexOfAny([',', spaceSeparator]);
        var done = cut < 0 ? "" : typed[..(cut + 1)];
        var chosen = done.Split([',', spaceSeparator], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var prefix = done.Length == 0 ? "" : done.TrimEnd() + (done.TrimEnd().EndsWith(',') ? " " : ", ");
        return Matching(typed[(cut + 1)..], candidates.Where(c => !chosen.Contains(c))).Select(c => prefix + c);
    }
}
