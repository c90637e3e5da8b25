using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="DiscordRestClient"/> (a singleton: it owns the rate-limit state) as itself and
    /// as <see cref="IDiscordMessenger"/>, with its HTTP client from IHttpClientFactory.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section);
        services.AddOptions<DiscordRestOptions>().BindConfiguration(DiscordRestOptions.Section)
            .Validate(o => o.GlobalRequestsPerSecond > 0, "Discord:Rest:GlobalRequestsPerSecond must be greater than 0.")
            .Validate(o => o.MaxRetries >= 0, "Discord:Rest:MaxRetries must be 0 or more.")
            .Validate(o => o.MaxResponseBytes > 0, "Discord:Rest:MaxResponseBytes must be greater than 0.")
            .Validate(o => o.InvalidRequestThrottleThreshold is > 0 and < 10_000, "Discord:Rest:InvalidRequestThrottleThreshold must be between 1 and 9999 (Discord bans at 10,000).")
            .ValidateOnStart();
        // The factory's own request logging prints full URIs, and webhook paths carry interaction tokens.
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RestMetrics>();
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<IOptions<DiscordRestOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetRequiredService<RestMetrics>()));
        services.TryAddSingleton<IDiscordMessenger>(sp => sp.GetRequiredService<DiscordRestClient>());
        return services;
    }
}
