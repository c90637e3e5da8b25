namespace BotHost.Discord.Gateway;

/// <summary>
/// Identify budget (session_start_limit). Running out of the daily 1000 identifies resets the bot token,
/// so the client refuses to identify while <see cref="Remaining"/> is 0.
/// </summary>
/// <param name="ResetAfter">Milliseconds until <see cref="Remaining"/> resets.</param>
/// <param name="MaxConcurrency">Identifies allowed per 5 seconds.</param>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
