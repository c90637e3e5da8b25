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
        var definitions = Canonical(catalog.Commands.Select(c => c.Definition));
        CommandDefinitionValidator.Validate(definitions);

        var hash = ComputeHash(definitions);
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        var globalUpdated = await OverwriteIfChangedAsync(
            $"global:{app}",
            hash,
            definitions.Count,
            ct => api.BulkOverwriteGlobalCommandsAsync(applicationId, definitions, ct),
            cancellationToken);

        var guildUpdated = false;
        if (options.Value.DevGuildId is { } guildId)
        {
            // contexts only apply to global commands; guild commands never run in DMs.
            var guildDefinitions = definitions.Select(d => d with { Contexts = null }).ToList();
            guildUpdated = await OverwriteIfChangedAsync(
                $"guild:{app}:{guildId.ToString(CultureInfo.InvariantCulture)}",
                ComputeHash(guildDefinitions),
                guildDefinitions.Count,
                ct => api.BulkOverwriteGuildCommandsAsync(applicationId, guildId, guildDefinitions, ct),
                cancellationToken);
        }

        return new CommandRegistrationResult(hash, globalUpdated, guildUpdated);
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

    private async Task<bool> OverwriteIfChangedAsync(
        string scope,
        string hash,
        int count,
        Func<CancellationToken, Task<IReadOnlyList<RegisteredApplicationCommand>>> overwrite,
        CancellationToken cancellationToken)
    {
        if (await store.GetHashAsync(scope, cancellationToken) == hash)
        {
            InteractionsLog.CommandsUnchanged(logger, scope, hash);
            return false;
        }

        await overwrite(cancellationToken);
        await store.SetHashAsync(scope, hash, cancellationToken);
        InteractionsLog.CommandsRegistered(logger, count, scope, hash);
        return true;
    }
}
