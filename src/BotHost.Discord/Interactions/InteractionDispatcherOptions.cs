namespace BotHost.Discord.Interactions;

/// <summary>Settings of the dispatcher (section Discord:Interactions).</summary>
public sealed class InteractionDispatcherOptions
{
    public const string Section = "Discord:Interactions";

    /// <summary>
    /// How long after an interaction arrived (HTTP request read, gateway event read) the dispatcher waits for its
    /// handler before deferring ("thinking…", then an edit with the answer). Short enough that a burst of
    /// interactions is acknowledged well inside Discord's 3 s window (FACTS §5) even on a busy machine; long enough
    /// that a lone fast command (a /search takes about 10 ms on a million stories) is answered inline, without a flash
    /// of "thinking…". Must be under 3 s.
    /// </summary>
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How many handlers run at once; more interactions wait for a slot and are deferred as soon as they start waiting.
    /// Handlers mostly query SQLite, so more than a couple per core only interleaves them into one slow batch and
    /// opens more connections.
    /// </summary>
    public int MaxConcurrentHandlers { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// How long after arrival autocomplete may take before it is answered with no suggestions: autocomplete cannot be
    /// deferred, so it gets most of Discord's 3 s window rather than <see cref="AcknowledgeAfter"/>. Must be under 3 s.
    /// </summary>
    public TimeSpan AutocompleteWithin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one handler may run before it is cancelled and the user told so; its slot is freed then even when the
    /// handler ignores cancellation, so a handler that hangs cannot take the slots from every later interaction.
    /// Discord accepts the answer's edit for 15 minutes after the interaction, so it must be under that.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
