using BotHost.Bridge.Delivery;
using BotHost.Core.Delivery;
using BotHost.Discord.Gateway;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Registration;
using BotHost.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Bridge;

public static class DiscordBridgeServiceCollectionExtensions
{
    /// <summary>The Discord client (REST, gateway, interactions) with BotHost's commands and storage behind it.</summary>
    public static IServiceCollection AddDiscordBridge(this IServiceCollection services)
    {
        services.AddDiscordRest();
        services.AddSingleton<IGatewayInfoSource, RestGatewayInfoSource>();
        services.AddSingleton<IGatewaySessionStore, SettingsGatewaySessionStore>();
        services.AddDiscordGateway();
        services.AddSingleton<ICommandRegistrationStore, CommandRegistrationStore>();
        services.AddBotHostCommands();
        services.AddSingleton<ISink, DiscordSink>();
        services.AddDiscordInteractions();
        services.AddHostedService<DiscordBridge>();
        return services;
    }
}
