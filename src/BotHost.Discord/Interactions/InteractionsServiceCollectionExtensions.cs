using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Endpoint;
using BotHost.Discord.Interactions.Registration;
using BotHost.Discord.Interactions.Signatures;
using BotHost.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Interactions;

/// <summary>Registers the interactions area. Commands and component handlers are added as SlashCommand/ComponentHandler singletons.</summary>
public static class InteractionsServiceCollectionExtensions
{
    /// <summary>Each running handler may hold a SQLite connection; more than this only trades memory for interleaving.</summary>
    private const int MaxHandlerSlots = 256;

    /// <summary>
    /// Adds the catalog, dispatcher, registrar, Discord calls (through the REST client, added here if absent)
    /// and the HTTP endpoint host. The host must register an <see cref="ICommandRegistrationStore"/>.
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InteractionDispatcherOptions>()
            .BindConfiguration(InteractionDispatcherOptions.Section)
            .Validate(o => o.AcknowledgeAfter > TimeSpan.Zero && o.AcknowledgeAfter < TimeSpan.FromSeconds(3),
                "Discord:Interactions:AcknowledgeAfter must be between 0 and 3 seconds (Discord's response window), e.g. 00:00:00.050.")
            .Validate(o => o.AutocompleteWithin > TimeSpan.Zero && o.AutocompleteWithin < TimeSpan.FromSeconds(3),
                "Discord:Interactions:AutocompleteWithin must be between 0 and 3 seconds (Discord's response window), e.g. 00:00:02.")
            .Validate(o => o.HandlerTimeout >= TimeSpan.FromSeconds(1) && o.HandlerTimeout < TimeSpan.FromMinutes(15),
                "Discord:Interactions:HandlerTimeout must be at least 1 second and under 15 minutes (how long Discord accepts the answer), e.g. 00:01:00.")
            .Validate(o => o.MaxConcurrentHandlers is >= 1 and <= MaxHandlerSlots,
                $"Discord:Interactions:MaxConcurrentHandlers must be between 1 and {MaxHandlerSlots} (default: twice the processor count).")
            .ValidateOnStart();
        services.AddOptions<DiscordOptions>()
            .Validate(
                o => !o.InteractionsEndpoint.Enabled || Ed25519SignatureVerifier.TryFromHex(o.InteractionsEndpoint.PublicKey, out _),
                "Discord:InteractionsEndpoint:PublicKey must be the application's 64-hex-digit public key when Discord:InteractionsEndpoint:Enabled is true.")
            .Validate(
                o => !o.InteractionsEndpoint.Enabled || o.InteractionsEndpoint.MaxClockSkewSeconds > 0,
                "Discord:InteractionsEndpoint:MaxClockSkewSeconds must be greater than 0.")
            .ValidateOnStart();

        // One HTTP path to Discord: interaction calls share the REST client's buckets, 429 handling and counters.
        services.AddDiscordRest();
        services.TryAddSingleton<IInteractionApi>(provider => new RestInteractionApi(provider.GetRequiredService<DiscordRestClient>()));
        services.TryAddSingleton<CommandCatalog>();
        services.AddMetrics();
        services.TryAddSingleton<InteractionMetrics>();
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<InteractionsEndpointHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<InteractionsEndpointHostedService>());
        return services;
    }
}
