using System.Text.Json;
using System.Text.RegularExpressions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>The message command "Share to digest" (Apps → on a message): shares the first link in that message.</summary>
public sealed partial class ShareMessageCommand(ShareReply reply) : SlashCommand
{
    public const string CommandName = "Share to digest";

    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = CommandName,
        Type = ApplicationCommandType.Message,
        Contexts = [0],
    };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var links = LinksOf(context);
        if (links.Count == 0)
        {
            return Task.FromResult(CommandResponse.Error("That message has no link to share. Use /share url: to share a link by hand."));
        }

        var others = links.Count - 1;
        return Task.FromResult(CommandResponse.Defer(async ct =>
        {
            var answer = await reply.ShareAsync(context, links[0], note: null, ct);
            return others > 0 && answer is CommandResponse.MessageResponse message
                ? message with { Content = $"{message.Content}\n(The message has {others} more link{(others == 1 ? "" : "s")}; /share url: shares another.)" }
                : answer;
        }, ephemeral: true));
    }

    /// <summary>http(s) links in the target message: its text first, then its embeds' urls.</summary>
    internal static IReadOnlyList<string> LinksOf(CommandContext context)
    {
        var data = context.Interaction.Data;
        var key = data?.TargetId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (key is null || data?.Resolved?.Messages?.GetValueOrDefault(key) is not { } message)
        {
            return [];
        }

        var links = Link().Matches(message.Content ?? "").Select(m => m.Value.TrimEnd('.', ',', ')', '>', '!', '?')).ToList();
        foreach (var embed in message.Embeds ?? [])
        {
            if (embed.ValueKind == JsonValueKind.Object && embed.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                links.Add(url.GetString()!);
            }
        }

        return [.. links.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
