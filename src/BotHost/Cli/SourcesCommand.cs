using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BotHost.Cli;

/// <summary>`sources list`, `sources check [--json]`, and `sources import` / `sources export` (OPML).</summary>
public static class SourcesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("sources", "List or check the configured feed sources.");
        var list = new Command("list", "List the configured sources with their stored fetch state.");
        list.SetAction((_, ct) => ListAsync(console, ct));
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var check = new Command("check", "Fetch each configured source once and print status, item count and latency (nothing is stored).");
        check.Options.Add(json);
        check.SetAction((parse, ct) => CheckAsync(console, parse.GetValue(json), ct));
        command.Subcommands.Add(list);
        command.Subcommands.Add(check);
        command.Subcommands.Add(SourcesOpmlCommands.Import(console));
        command.Subcommands.Add(SourcesOpmlCommands.Export(console));
        return command;
    }

    private static async Task<int> ListAsync(CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await CliServices.BuildWithDatabaseAsync(cancellationToken);
            var catalog = host.Services.GetRequiredService<SourceCatalog>();
            var stored = (await host.Services.GetRequiredService<SourceStore>().ListAsync(cancellationToken)).ToDictionary(s => s.Location);
            await console.Out.WriteLineAsync($"{catalog.Sources.Count} sources from {catalog.SourcesFile}");
            foreach (var source in catalog.Sources)
            {
                var state = stored.GetValueOrDefault(source.Location);
                await console.Out.WriteLineAsync($"- {source.Name} <{source.Location}> every {source.Interval.TotalMinutes:0} min, weight {source.Weight.ToString(CultureInfo.InvariantCulture)}: {Describe(state)}");
            }

            return 0;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }

    internal static string Describe(SourceState? state) => state switch
    {
        null => "never fetched",
        { ConsecutiveFailures: > 0 } s => $"FAILING since {s.FailingSince:yyyy-MM-dd HH:mm} UTC ({s.ConsecutiveFailures} in a row): {s.LastError}",
        { LastSuccessAt: { } ok } => $"ok, last success {ok:yyyy-MM-dd HH:mm} UTC",
        _ => "never fetched",
    };

    private static async Task<int> CheckAsync(CliConsole console, bool asJson, CancellationToken cancellationToken)
    {
        try
        {
            using var host = CliServices.Build();
            var catalog = host.Services.GetRequiredService<SourceCatalog>();
            var fetcher = host.Services.GetRequiredService<FeedFetcher>();
            var parser = host.Services.GetRequiredService<FeedParser>();
            var interactive = !asJson && ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected;
            SourceCheck[] results;
            if (interactive)
            {
                results = await AnsiConsole.Status().StartAsync($"Checking {catalog.Sources.Count} sources…",
                    _ => Task.WhenAll(catalog.Sources.Select(s => CheckOneAsync(fetcher, parser, s, cancellationToken))));
            }
            else
            {
                results = await Task.WhenAll(catalog.Sources.Select(s => CheckOneAsync(fetcher, parser, s, cancellationToken)));
            }

            if (asJson)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(results, CliJsonContext.Default.SourceCheckArray));
            }
            else
            {
                foreach (var r in results)
                {
                    await console.Out.WriteLineAsync($"{(r.Ok ? "ok  " : "FAIL")} {r.Name}: {r.Items} items, {r.LatencyMs} ms{(r.Error is null ? string.Empty : " - " + r.Error)}");
                }
            }

            return results.All(r => r.Ok) ? 0 : 1;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }

    private static async Task<SourceCheck> CheckOneAsync(FeedFetcher fetcher, FeedParser parser, SourceDefinition source, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(source.Location), cancellationToken);
        var latency = (long)fetch.Elapsed.TotalMilliseconds;
        if (fetch.Status != FetchStatus.Ok)
        {
            return new SourceCheck(source.Name, source.Location, false, fetch.HttpStatus, 0, latency, fetch.Error);
        }

        try
        {
            using var body = new MemoryStream(fetch.Body!, writable: false);
            var feed = parser.Parse(body, new FeedParseContext(fetch.FinalUri, fetch.ContentType));
            return new SourceCheck(source.Name, source.Location, true, fetch.HttpStatus, feed.Items.Count, latency, feed.Errors.Count == 0 ? null : string.Join("; ", feed.Errors));
        }
        catch (Exception ex) when (ex is NotAFeedException or FeedFormatException)
        {
            return new SourceCheck(source.Name, source.Location, false, fetch.HttpStatus, 0, latency, ex.Message);
        }
    }

    internal sealed record SourceCheck(string Name, string Location, bool Ok, int? HttpStatus, int Items, long LatencyMs, string? Error);
}
