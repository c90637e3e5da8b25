namespace BotHost.Core.Delivery;

/// <summary>
/// What looking for a part found: its message id, nothing (<see cref="Searched"/> true, no id: safe to send again),
/// or no answer (<see cref="Searched"/> false: the search itself failed, so nothing may be sent yet).
/// </summary>
public sealed record SinkSearch(bool Searched, ulong? MessageId, string? Reason)
{
    public static SinkSearch Found(ulong messageId) => new(true, messageId, null);

    public static SinkSearch NotFound { get; } = new(true, null, null);

    public static SinkSearch Failed(string reason) => new(false, null, reason);
}
