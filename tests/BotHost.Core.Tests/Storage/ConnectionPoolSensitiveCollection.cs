namespace BotHost.Core.Tests.Storage;

/// <summary>
/// Tests that set a per-connection PRAGMA on the one pooled connection the collector will reuse. They run alone:
/// every other test host clears all SQLite pools when it is disposed, which would drop that connection.
/// </summary>
[CollectionDefinition(nameof(ConnectionPoolSensitiveCollection), DisableParallelization = true)]
public sealed class ConnectionPoolSensitiveCollection;
