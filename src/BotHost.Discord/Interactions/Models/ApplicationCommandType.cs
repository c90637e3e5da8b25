namespace BotHost.Discord.Interactions.Models;

/// <summary>Command types; only CHAT_INPUT (slash) commands are built by this framework.</summary>
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}
