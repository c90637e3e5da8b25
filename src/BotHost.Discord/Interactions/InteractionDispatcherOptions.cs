namespace BotHost.Discord.Interactions;

/// <summary>Settings of the dispatcher (section Discord:Interactions).</summary>
public sealed class InteractionDispatcherOptions
{
    public const string Section = "Discord:Interactions";

    /// <summary>
    /// How long a handler may run before the framework defers. Discord invalidates the token after 3 s
    /// (FACTS §5); 2 s leaves room for the callback round trip.
    /// </summary>
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromSeconds(2);
}
