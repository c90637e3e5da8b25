using System.CommandLine;
using BotHost.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli;

/// <summary>
/// `db backup PATH [--force]`: an online copy, safe while the bot runs. `db check`: integrity, foreign keys and schema
/// version, with exit code 0 (healthy; an older schema is upgraded by the next start), 1 (damage or broken references
/// found), 2 (no readable database) or 3 (written by a newer BotHost).
/// </summary>
public static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("db", "Back up or check the SQLite database (Storage:DatabasePath).");
        var path = new Argument<string>("path") { Description = "The backup file to write." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var backup = new Command("backup", "Copy the database with SQLite's online backup API (safe while the bot runs).");
        backup.Arguments.Add(path);
        backup.Options.Add(force);
        backup.SetAction((parse, ct) => BackupAsync(console, parse.GetValue(path)!, parse.GetValue(force), ct));
        var check = new Command("check", "Run integrity_check and foreign_key_check and compare the schema version with this binary's.");
        check.SetAction((_, ct) => CheckAsync(console, ct));
        command.Subcommands.Add(backup);
        command.Subcommands.Add(check);
        return command;
    }

    private static async Task<int> BackupAsync(CliConsole console, string path, bool force, CancellationToken cancellationToken)
    {
        try
        {
            using var host = CliServices.Build();
            var (written, bytes) = await host.Services.GetRequiredService<DatabaseBackup>().BackupAsync(path, force, cancellationToken);
            await console.Out.WriteLineAsync($"backed up {host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath} to {written} ({bytes} bytes, checked)");
            return 0;
        }
        catch (DatabaseBackupException ex)
        {
            return console.Fail(ex.Message);
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }

    private static async Task<int> CheckAsync(CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            using var host = CliServices.Build();
            var report = await host.Services.GetRequiredService<DatabaseChecker>().CheckAsync(cancellationToken);
            await console.Out.WriteLineAsync($"database: {report.Path} ({report.Bytes} bytes)");
            if (report.Unreadable is not null)
            {
                return console.Fail($"the database cannot be checked: {report.Unreadable}", 2);
            }

            await console.Out.WriteLineAsync($"integrity_check: {(report.IntegrityProblems.Count == 0 ? "ok" : $"{report.IntegrityProblems.Count} problems")}");
            foreach (var problem in report.IntegrityProblems)
            {
                await console.Out.WriteLineAsync($"  {problem}");
            }

            await console.Out.WriteLineAsync($"foreign_key_check: {(report.ForeignKeyProblems.Count == 0 ? "ok" : $"{report.ForeignKeyProblems.Count} broken references")}");
            foreach (var problem in report.ForeignKeyProblems)
            {
                await console.Out.WriteLineAsync($"  {problem}");
            }

            var schema = report.SchemaVersion == report.BinarySchemaVersion ? "current"
                : report.SchemaTooNew ? "NEWER than this BotHost: run the BotHost that wrote it, or restore a backup"
                : "older; the next start migrates it";
            await console.Out.WriteLineAsync($"schema: {report.SchemaVersion} (this BotHost: {report.BinarySchemaVersion}, {schema})");
            if (!report.Healthy)
            {
                return console.Fail("problems found; restore a backup (db backup) or copy the data out with the sqlite3 shell's .recover.");
            }

            return report.SchemaTooNew ? 3 : 0;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }
}
