using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotHost.Discord.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayClient"/> as a singleton and hosted service, with an in-memory
    /// <see cref="IGatewaySessionStore"/> unless one is registered already. The caller registers an
    /// <see cref="IGatewayInfoSource"/> (the REST client) and binds <see cref="DiscordOptions"/>.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewaySessionStore, InMemoryGatewaySessionStore>();
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<GatewayClient>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayClient>());
        return services;
    }
}
