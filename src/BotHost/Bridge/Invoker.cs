using System.Globalization;
using BotHost.Discord.Interactions.Commands;

namespace BotHost.Bridge;

/// <summary>Who used a command, as the product side needs it: id, a display name and role ids.</summary>
public static class Invoker
{
    public static ulong Id(InteractionContext context) => context.User?.Id ?? 0;

    /// <summary>Server nickname, else global display name, else user name.</summary>
    public static string Name(InteractionContext context)
        => context.Interaction.Member?.Nick ?? context.User?.GlobalName ?? context.User?.Username ?? "someone";

    public static IReadOnlyCollection<ulong> RoleIds(InteractionContext context)
        => [.. (context.Interaction.Member?.Roles ?? []).Select(r => ulong.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id != 0)];
}
