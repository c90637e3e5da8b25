using System.Globalization;
using System.Text.Json;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge;

/// <summary>Reads a ROLE option (its value is the role id), which the command context has no accessor for.</summary>
public static class RoleOption
{
    public static ulong? Get(CommandContext context, string name)
    {
        var options = context.Interaction.Data?.Options ?? [];
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } nested])
        {
            options = nested.Options ?? [];
        }

        var value = options.FirstOrDefault(o => o.Name == name)?.Value;
        return value switch
        {
            { ValueKind: JsonValueKind.String } v when ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            { ValueKind: JsonValueKind.Number } v when v.TryGetUInt64(out var id) => id,
            _ => null,
        };
    }
}
