using System.CommandLine;
using System.Text;
using BotHost.Core.Feeds;
using BotHost.Core.Sources;
using BotHost.Core.Sources.Opml;
using BotHost.Core.Stories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Cli;

/// <summary>
/// `sources import FILE.opml [--skip-invalid] [--dry-run]` and `sources export [--output FILE]`: the subscription lists
/// feed readers exchange, to and from the configured sources file (Feeds:SourcesFile). Exit codes: 0 done (also when there
/// was nothing to add), 1 the OPML or one of its outlines needs fixing (nothing written), 2 configuration or sources-file error.
/// </summary>
public static class SourcesOpmlCommands
{
    public static Command Import(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The OPML file to import (a feed reader's export)." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid feeds even when some outlines are invalid (they are listed)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be added; change nothing." };
        var command = new Command("import", "Add the feeds of an OPML file to the sources file; feeds already listed are skipped, so importing twice adds nothing.");
        command.Arguments.Add(file);
        command.Options.Add(skipInvalid);
        command.Options.Add(dryRun);
        command.SetAction((parse, ct) => ImportAsync(console, parse.GetValue(file)!, parse.GetValue(skipInvalid), parse.GetValue(dryRun)));
        return command;
    }

    public static Command Export(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Write the configured web-feed sources as OPML 2.0, for a feed reader or another BotHost.");
        command.Options.Add(output);
        command.SetAction((parse, ct) => ExportAsync(console, parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> ImportAsync(CliConsole console, string file, bool skipInvalid, bool dryRun)
    {
        try
        {
            using var host = CliServices.Build();
            var catalog = host.Services.GetRequiredService<SourceCatalog>();
            var document = OpmlReader.ReadFile(file);
            var existing = File.Exists(catalog.SourcesFile) ? catalog.Sources : [];
            var plan = OpmlImportPlanner.Plan(existing, document, host.Services.GetRequiredService<TopicFilter>().Vocabulary);
            foreach (var problem in document.Problems)
            {
                await console.Error.WriteLineAsync($"{(skipInvalid ? "skipped" : "error")}: {file}: {problem}");
            }

            if (document.Problems.Count > 0 && !skipInvalid)
            {
                return console.Fail($"{document.Problems.Count} outlines of {file} need fixing; nothing was imported. Fix them, or pass --skip-invalid to import the rest.");
            }

            foreach (var note in plan.Notes)
            {
                await console.Error.WriteLineAsync($"note: {note}");
            }

            foreach (var entry in plan.ToAdd)
            {
                await console.Out.WriteLineAsync($"{(dryRun ? "would add" : "add")}: {SourcesFileAppender.Format(entry)}");
            }

            if (plan.ToAdd.Count == 0 || dryRun)
            {
                await console.Out.WriteLineAsync($"{(dryRun ? "dry run: " : string.Empty)}{plan.ToAdd.Count} to add, {plan.AlreadyListed.Count} already in {catalog.SourcesFile}; nothing was changed.");
                return 0;
            }

            var feeds = host.Services.GetRequiredService<IOptions<FeedOptions>>().Value;
            var backup = SourcesFileAppender.Append(catalog.SourcesFile, plan.ToAdd, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeSpan.FromMinutes(feeds.DefaultIntervalMinutes));
            await console.Out.WriteLineAsync(
                $"added {plan.ToAdd.Count} sources to {catalog.SourcesFile} ({plan.AlreadyListed.Count} already listed){(backup is null ? "." : $"; the previous file is kept as {backup}.")} They are collected from the next start.");
            return 0;
        }
        catch (OpmlFormatException ex)
        {
            return console.Fail($"{file}: {ex.Message}");
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }

    private static async Task<int> ExportAsync(CliConsole console, string? output, CancellationToken cancellationToken)
    {
        try
        {
            using var host = CliServices.Build();
            var catalog = host.Services.GetRequiredService<SourceCatalog>();
            using var buffer = new MemoryStream();
            var skipped = OpmlWriter.Write(catalog.Sources, buffer, host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (output is null)
            {
                await console.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                await File.WriteAllBytesAsync(output, buffer.ToArray(), cancellationToken);
                await console.Out.WriteLineAsync($"wrote {catalog.Sources.Count - skipped.Count} sources from {catalog.SourcesFile} to {output}");
            }

            if (skipped.Count > 0)
            {
                await console.Error.WriteLineAsync($"note: left out {skipped.Count} sources that are local files, not web feeds: {string.Join(", ", skipped.Select(s => s.Name))}");
            }

            return 0;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }
}
