namespace BotHost.Discord.Gateway;

/// <summary>How one gateway connection ended and what the client does next.</summary>
/// <param name="Healthy">READY or RESUMED arrived on this connection, so reconnecting needs no backoff.</param>
/// <param name="InvalidSession">Ended by op 9; a fresh identify must wait a random 1–5 s.</param>
/// <param name="CloseCode">The code Discord closed with, when it did.</param>
internal sealed record ConnectionOutcome(OutcomeKind Kind, string Reason, bool Healthy, bool InvalidSession, int? CloseCode);

internal enum OutcomeKind
{
    Resume,
    NewSession,
    Fatal,
    Stopped,
}
