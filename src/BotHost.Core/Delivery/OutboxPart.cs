using BotHost.Core.Digests;

namespace BotHost.Core.Delivery;

/// <summary>One message of a delivery as the outbox holds it: the rendered part, its nonce, and what sending it has done so far.</summary>
public sealed record OutboxPart(DigestPart Part, string Nonce, bool Sent, int Attempts, DateTimeOffset? FirstAttemptAt, ulong? MessageId);
