using BotHost.Bridge.Delivery;
using BotHost.Bridge.Permissions;
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
        services.AddSingleton<ChannelAccessChecker>();
        services.AddSingleton<PermissionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<PermissionWatch>());
        services.AddDiscordInteractions();
        services.AddHostedService<DiscordBridge>();
        return services;
    }
}
