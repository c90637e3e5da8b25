using BotHost.Core.Storage;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Cli;

/// <summary>The host's services without running the host: verbs resolve what they need from here.</summary>
public static class CliServices
{
    public static IHost Build() => BotHostApplication.CreateBuilder(forCli: true).Build();

    public static async Task<IHost> BuildWithDatabaseAsync(CancellationToken cancellationToken)
    {
        var host = Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return host;
    }
}
