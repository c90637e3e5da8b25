using BotHost.Core.Sources;
using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli.Doctor;

/// <summary>The checks that need no Discord: the database file and its schema, and the sources file.</summary>
internal static class LocalChecks
{
    /// <summary>Opens the database without creating or upgrading it; usable only when its schema is this BotHost's.</summary>
    public static async Task<(DoctorLine Line, bool Usable)> DatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var path = services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        if (!File.Exists(path))
        {
            return (DoctorLine.Failed($"no database at {path} yet", "start the bot once (dotnet run --project src/BotHost): it creates the file, or set Storage:DatabasePath to the existing one"), false);
        }

        int version;
        try
        {
            version = await services.GetRequiredService<DatabaseMigrator>().StoredVersionAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            return (DoctorLine.Failed($"the database {path} cannot be read ({ex.Message})", "check Storage:DatabasePath and that this user may read and write the file"), false);
        }

        var latest = DatabaseMigrator.LatestVersion;
        return version == latest
            ? (DoctorLine.Ok($"database {path} opens; schema version {version} is current"), true)
            : version < latest
                ? (DoctorLine.Failed($"database {path} has schema version {version}, this BotHost's is {latest}", "start the bot once: it upgrades the schema at start (copy the file first to keep a backup)"), false)
                : (DoctorLine.Failed($"database {path} has schema version {version}, newer than this BotHost's {latest}", "run the newer BotHost that wrote it, or point Storage:DatabasePath at another file"), false);
    }

    public static DoctorLine Sources(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<SourceCatalog>();
        try
        {
            return DoctorLine.Ok($"sources file {catalog.SourcesFile} parses: {catalog.Sources.Count} sources");
        }
        catch (SourcesFileException ex)
        {
            return DoctorLine.Failed(ex.Message, """fix the file (JSON: {"sources": [{"name": …, "url": …}]}) or point Feeds:SourcesFile at a good one""");
        }
    }
}
