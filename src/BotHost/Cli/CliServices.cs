using BotHost.Core.Storage;
using BotHost.Discord.Rest;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Cli;

/// <summary>The host's services without running the host: verbs resolve what they need from here.</summary>
public static class CliServices
{
    public static IHost Build() => BotHostApplication.CreateBuilder(forCli: true).Build();

    /// <summary>The host's services with the Discord REST client (resolve it only when Discord:Token is set) and <paramref name="settings"/> on top.</summary>
    public static IHost BuildWithDiscord(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure = null)
    {
        var builder = BotHostApplication.CreateBuilder(forCli: true, overrides: settings);
        builder.Services.AddDiscordRest();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public static async Task<IHost> BuildWithDatabaseAsync(CancellationToken cancellationToken)
    {
        var host = Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return host;
    }
}
