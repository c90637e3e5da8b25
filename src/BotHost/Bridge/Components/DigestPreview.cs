using System.Globalization;
using System.Text.Json;
using BotHost.Bridge.Delivery;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Models;

namespace BotHost.Bridge.Components;

/// <summary>
/// /digest preview's answer: one message of the digest at a time, with the same content and embeds the posted
/// digest would have (<see cref="DigestMessages"/>), and ◀ ▶ buttons instead of the feedback buttons when the
/// digest takes several messages.
/// </summary>
public sealed class DigestPreview(SubscriptionStore store, DigestRunner runner) : ComponentHandler
{
    public const string Prefix = "dpv:";

    public override string CustomIdPrefix => Prefix;

    public override bool UpdatesMessage => true;

    public override async Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var parts = context.CustomId[Prefix.Length..].Split(':');
        if (parts is not [var sub, var page]
            || !long.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out var subscriptionId)
            || !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || await store.GetAsync(subscriptionId, cancellationToken) is not { } subscription
            || Commands.ChannelCommands.ChannelOf(context) != subscription.Channel)
        {
            return CommandResponse.UpdateMessage("This preview is out of date; run /digest preview again.", [], []);
        }

        var answer = await PageAsync(runner, subscription, index, cancellationToken);
        return answer is CommandResponse.MessageResponse m ? CommandResponse.UpdateMessage(m.Content ?? "", m.Embeds ?? [], m.Components ?? []) : answer;
    }

    /// <summary>Page <paramref name="index"/> (1-based) of what the subscription's digest would post now.</summary>
    public static async Task<CommandResponse> PageAsync(DigestRunner runner, Subscription subscription, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(subscription);
        var preview = await runner.PreviewAsync(subscription, cancellationToken);
        if (preview.Parts.Count == 0)
        {
            return CommandResponse.Message("The next digest would be empty: no story matching this subscription arrived since its last digest.", ephemeral: true);
        }

        var part = preview.Parts[Math.Clamp(index, 1, preview.Parts.Count) - 1];
        var embeds = DigestMessages.Embeds(part).Select(e => JsonSerializer.SerializeToElement(e, BridgeJsonContext.Default.Embed)).ToList();
        var pager = part.Count == 1 ? [] : new List<JsonElement> { JsonSerializer.SerializeToElement(Pager(subscription.Id, part.Index, part.Count), BridgeJsonContext.Default.ActionRow) };
        return CommandResponse.Message(part.Content ?? "", embeds, pager, ephemeral: true);
    }

    private static ActionRow Pager(long subscriptionId, int index, int count) => new()
    {
        Components =
        [
            new Button { Style = 2, Label = "◀ Previous", CustomId = Id(subscriptionId, Math.Max(1, index - 1)), Disabled = index == 1 },
            new Button { Style = 2, Label = $"Message {index} of {count}", CustomId = "dpv:page", Disabled = true },
            new Button { Style = 2, Label = "Next ▶", CustomId = Id(subscriptionId, Math.Min(count, index + 1)), Disabled = index == count },
        ],
    };

    private static string Id(long subscriptionId, int index) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{subscriptionId}:{index}");
}
