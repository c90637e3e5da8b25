using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Cli;

/// <summary>Errors an operator can fix (bad configuration, a newer database, a broken sources or topics file), turned into one clear line.</summary>
public static class StartupFailure
{
    public static bool TryDescribe(Exception exception, out string message)
    {
        message = exception switch
        {
            OptionsValidationException ov => "invalid configuration: " + string.Join(" ", ov.Failures),
            SchemaTooNewException or MigrationFailedException or SourcesFileException or TopicsFileException => exception.Message,
            SqliteException sql => $"the database could not be opened ({sql.Message}); check Storage:DatabasePath.",
            AggregateException { InnerExceptions.Count: 1 } agg when TryDescribe(agg.InnerException!, out var inner) => inner,
            _ => string.Empty,
        };
        return message.Length > 0;
    }
}
