using System.Text;
using System.Text.Json;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Cli;

/// <summary>
/// Runs BotHost's command and button handlers (the same ones Discord reaches) for one typed line on the local pretend
/// channel, with no token and no network to Discord, and turns the answer into console text.
/// </summary>
public sealed class OfflineCommandRunner(CommandCatalog catalog)
{
    /// <summary>The answer as printed, and whether it was a refusal (an ephemeral error or a line that could not be parsed).</summary>
    public sealed record Reply(string Text, bool Ephemeral, IReadOnlyList<(string Label, string CustomId)> Buttons, bool ParseFailed = false);

    public async Task<Reply> RunAsync(string line, CancellationToken cancellationToken)
    {
        if (!OfflineInteractionParser.TryParse(line, catalog, out var interaction, out var error))
        {
            return new Reply(error, true, [], ParseFailed: true);
        }

        var response = interaction.Type == InteractionType.MessageComponent
            ? await PressAsync(new ComponentContext(interaction), cancellationToken)
            : await catalog.FindCommand(interaction.Data!.Name)!.HandleAsync(new CommandContext(interaction), cancellationToken);
        if (response is CommandResponse.DeferredResponse deferred)
        {
            response = await deferred.Work(cancellationToken);
        }

        return response switch
        {
            CommandResponse.MessageResponse m => new Reply(m.Content ?? "", m.Ephemeral, Buttons(m.Components)),
            CommandResponse.UpdateResponse u => new Reply(u.Content ?? "", true, Buttons(u.Components)),
            CommandResponse.ModalResponse modal => new Reply($"(opens a form: {modal.Title})", true, []),
            CommandResponse.AutocompleteResponse choices => new Reply(string.Join('\n', choices.Suggestions.Select(c => c.Name)), true, []),
            _ => new Reply("(no answer)", true, []),
        };
    }

    public static string Format(Reply reply)
    {
        var sb = new StringBuilder(reply.Text);
        if (reply.Buttons.Count > 0)
        {
            sb.Append("\nbuttons: ").AppendJoin("  ", reply.Buttons.Select(b => $"[{b.Label}] (press {b.CustomId})"));
        }

        if (reply.Ephemeral && !reply.ParseFailed)
        {
            sb.Append("\n(in Discord only you would see this)");
        }

        return sb.ToString();
    }

    private async Task<CommandResponse> PressAsync(ComponentContext context, CancellationToken cancellationToken)
        => catalog.FindComponent(context.CustomId) is { } handler
            ? await handler.HandleAsync(context, cancellationToken)
            : CommandResponse.Error($"No button has the id '{context.CustomId}'; copy it from a \"buttons:\" line.");

    private static List<(string, string)> Buttons(IReadOnlyList<JsonElement>? components)
    {
        var buttons = new List<(string, string)>();
        foreach (var row in components ?? [])
        {
            if (row.TryGetProperty("components", out var children))
            {
                foreach (var button in children.EnumerateArray())
                {
                    var disabled = button.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True;
                    if (!disabled && button.TryGetProperty("custom_id", out var id))
                    {
                        buttons.Add((button.TryGetProperty("label", out var label) ? label.GetString() ?? "" : "", id.GetString() ?? ""));
                    }
                }
            }
        }

        return buttons;
    }
}
