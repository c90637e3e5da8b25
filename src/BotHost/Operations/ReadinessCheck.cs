namespace BotHost.Operations;

/// <summary>One thing <c>/readyz</c> asks about, and what it found.</summary>
public sealed record ReadinessCheck(string Name, bool Ready, string Detail);
