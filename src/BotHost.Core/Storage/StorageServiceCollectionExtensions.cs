using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Storage:DatabasePath must name a file, e.g. data/bothost.db.")
            .Validate(o => o.BusyTimeoutMilliseconds is >= 0 and <= 600_000, "Storage:BusyTimeoutMilliseconds must be between 0 and 600000.")
            .Validate(o => o.RetentionDays is >= 1 and <= 3650, "Storage:RetentionDays must be between 1 and 3650.")
            .ValidateOnStart();
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<RetentionPruner>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<DatabaseChecker>();
        return services;
    }
}
