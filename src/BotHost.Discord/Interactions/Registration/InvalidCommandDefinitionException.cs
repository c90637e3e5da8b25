namespace BotHost.Discord.Interactions.Registration;

/// <summary>A command definition breaks one of Discord's limits; the message names the command and field.</summary>
public sealed class InvalidCommandDefinitionException(string command, string field, string problem)
    : Exception($"Command '{command}': {field} {problem}")
{
    public string Command { get; } = command;

    public string Field { get; } = field;
}
