namespace BotHost.Testing.FakeDiscord;

/// <summary>Which interaction-related Discord route a recorded request hit.</summary>
public enum FakeInteractionRoute
{
    Callback,
    EditOriginal,
    Followup,
    GlobalCommands,
    GuildCommands,
    EditFollowup,
}
