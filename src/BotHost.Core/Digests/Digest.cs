namespace BotHost.Core.Digests;

/// <summary>
/// A composed digest, neutral of any chat: the subscription it is for, the period it covers, the local date it
/// shows in the header, and its ranked entries. The one input of <see cref="DigestRenderer"/>.
/// </summary>
public sealed record Digest(long SubscriptionId, string SubscriptionName, string PeriodKey, DateOnly LocalDate, IReadOnlyList<DigestEntry> Entries);
