using System.Collections.Concurrent;
using BotHost.Discord.Interactions.Registration;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Keeps registration hashes in memory; the product store lives in SQLite.</summary>
public sealed class InMemoryCommandRegistrationStore : ICommandRegistrationStore
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken)
        => Task.FromResult(_hashes.TryGetValue(scope, out var hash) ? hash : null);

    public Task SetHashAsync(string scope, string hash, CancellationToken cancellationToken)
    {
        _hashes[scope] = hash;
        return Task.CompletedTask;
    }
}
