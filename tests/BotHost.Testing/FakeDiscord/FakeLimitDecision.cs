namespace BotHost.Testing.FakeDiscord;

/// <summary>Outcome of one <see cref="FakeWindowLimiter.TryAcquire"/>: the numbers the rate-limit headers carry.</summary>
public readonly record struct FakeLimitDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetAfter, DateTimeOffset ResetAt);
