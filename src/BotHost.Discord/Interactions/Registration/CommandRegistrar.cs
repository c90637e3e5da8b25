using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Interactions.Registration;

/// <summary>
/// Registers the catalog's commands with a bulk overwrite, globally and (when Discord:DevGuildId is set) in
/// the development guild, but only when their canonical hash differs from the one stored for that scope:
/// an unchanged set costs no request at startup.
/// </summary>
public sealed class CommandRegistrar(
    CommandCatalog catalog,
    IInteractionApi api,
    ICommandRegistrationStore store,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    /// <summary>Registers with Discord:ApplicationId.</summary>
    public Task<CommandRegistrationResult> RegisterAsync(CancellationToken cancellationToken)
        => RegisterAsync(
            options.Value.ApplicationId ?? throw new InvalidOperationException(
                "Command registration needs the application id: set Discord:ApplicationId or pass the id read from GET /applications/@me."),
            cancellationToken);

    /// <exception cref="InvalidCommandDefinitionException">A definition breaks a Discord limit; nothing is sent.</exception>
    public async Task<CommandRegistrationResult> RegisterAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        var scopes = Scopes(applicationId);
        CommandDefinitionValidator.Validate(scopes[0].Definitions);
        var updated = new bool[scopes.Count];
        for (var i = 0; i < scopes.Count; i++)
        {
            updated[i] = await OverwriteIfChangedAsync(scopes[i], cancellationToken);
        }

        return new CommandRegistrationResult(scopes[0].Hash, updated[0], updated.Length > 1 && updated[1]);
    }

    /// <summary>
    /// Per scope, the stored hash against the current definitions' hash: what a registration at the next start would
    /// send, found without sending anything (the `doctor` verb).
    /// </summary>
    public async Task<IReadOnlyList<CommandScopeStatus>> CheckAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        var statuses = new List<CommandScopeStatus>();
        foreach (var scope in Scopes(applicationId))
        {
            statuses.Add(new CommandScopeStatus(scope.Name, scope.Hash, await store.GetHashAsync(scope.Name, cancellationToken)));
        }

        return statuses;
    }

    /// <summary>SHA-256 (lowercase hex) of the canonical JSON of the definitions sorted by type and name.</summary>
    public static string ComputeHash(IEnumerable<ApplicationCommandDefinition> definitions)
    {
        // The source-generated serializer writes properties in declaration order, so equal definitions give equal bytes.
        var json = JsonSerializer.SerializeToUtf8Bytes(Canonical(definitions), InteractionsJsonContext.Default.IReadOnlyListApplicationCommandDefinition);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static IReadOnlyList<ApplicationCommandDefinition> Canonical(IEnumerable<ApplicationCommandDefinition> definitions)
        => [.. definitions.OrderBy(d => d.Type).ThenBy(d => d.Name, StringComparer.Ordinal)];

    // The global scope first; with Discord:DevGuildId the development guild's second.
    private List<Scope> Scopes(ulong applicationId)
    {
        var definitions = Canonical(catalog.Commands.Select(c => c.Definition));
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        var scopes = new List<Scope>
        {
            new($"global:{app}", definitions, ComputeHash(definitions), (list, ct) => api.BulkOverwriteGlobalCommandsAsync(applicationId, list, ct)),
        };
        if (options.Value.DevGuildId is { } guildId)
        {
            // contexts only apply to global commands; guild commands never run in DMs.
            var guildDefinitions = definitions.Select(d => d with { Contexts = null }).ToList();
            scopes.Add(new(
                $"guild:{app}:{guildId.ToString(CultureInfo.InvariantCulture)}",
                guildDefinitions,
                ComputeHash(guildDefinitions),
                (list, ct) => api.BulkOverwriteGuildCommandsAsync(applicationId, guildId, list, ct)));
        }

        return scopes;
    }

    private async Task<bool> OverwriteIfChangedAsync(Scope scope, CancellationToken cancellationToken)
    {
        if (await store.GetHashAsync(scope.Name, cancellationToken) == scope.Hash)
        {
            InteractionsLog.CommandsUnchanged(logger, scope.Name, scope.Hash);
            return false;
        }

        await scope.Overwrite(scope.Definitions, cancellationToken);
        await store.SetHashAsync(scope.Name, scope.Hash, cancellationToken);
        InteractionsLog.CommandsRegistered(logger, scope.Definitions.Count, scope.Name, scope.Hash);
        return true;
    }

    private sealed record Scope(
        string Name,
        IReadOnlyList<ApplicationCommandDefinition> Definitions,
        string Hash,
        Func<IReadOnlyList<ApplicationCommandDefinition>, CancellationToken, Task<IReadOnlyList<RegisteredApplicationCommand>>> Overwrite);
}
