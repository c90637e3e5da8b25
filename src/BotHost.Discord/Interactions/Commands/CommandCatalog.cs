namespace BotHost.Discord.Interactions.Commands;

/// <summary>The registered slash commands by name and component handlers by custom_id prefix.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, SlashCommand> _commands;
    private readonly ComponentHandler[] _components;

    public CommandCatalog(IEnumerable<SlashCommand> commands, IEnumerable<ComponentHandler> components)
    {
        _commands = new Dictionary<string, SlashCommand>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            if (!_commands.TryAdd(command.Definition.Name, command))
            {
                throw new ArgumentException(
                    $"Two slash commands are named '{command.Definition.Name}' ({_commands[command.Definition.Name].GetType().Name} and {command.GetType().Name}); names must be unique.",
                    nameof(commands));
            }
        }

        _components = [.. components.OrderByDescending(c => c.CustomIdPrefix.Length)];
        var duplicate = _components.GroupBy(c => c.CustomIdPrefix, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two component handlers use the custom_id prefix '{duplicate.Key}'; prefixes must be unique.", nameof(components));
        }

        if (_components.FirstOrDefault(c => c.CustomIdPrefix.Length == 0) is { } empty)
        {
            throw new ArgumentException($"{empty.GetType().Name}.CustomIdPrefix is empty; give it a prefix.", nameof(components));
        }
    }

    public IReadOnlyCollection<SlashCommand> Commands => _commands.Values;

    public SlashCommand? FindCommand(string? name) => name is null ? null : _commands.GetValueOrDefault(name);

    /// <summary>The handler with the longest prefix of <paramref name="customId"/>.</summary>
    public ComponentHandler? FindComponent(string? customId)
        => customId is null ? null : Array.Find(_components, c => customId.StartsWith(c.CustomIdPrefix, StringComparison.Ordinal));
}
