using System.CommandLine;
using System.Globalization;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli;

/// <summary>
/// `inspect-feed &lt;file-or-url&gt; [--json]`: fetch and parse one feed, show what BotHost sees in it. Every Feeds:*
/// setting applies as in the bot (caps, timeout, user agent, address guard, summary length, Feeds:MaxItemsPerFeed).
/// With --json the items are written as they are parsed and a file is read as a stream, so a feed of any size
/// within the caps is inspected whole in flat memory.
/// </summary>
public static class InspectFeedCommand
{
    public static Command Create(CliConsole console)
    {
        var location = new Argument<string>("file-or-url") { Description = "A feed URL, a file:// URL or a path." };
        var json = new Option<bool>("--json") { Description = "Print JSON: format, title, items, errors." };
        var command = new Command("inspect-feed", "Parse one feed and print its items with their canonical URLs.");
        command.Arguments.Add(location);
        command.Options.Add(json);
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(location)!, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string location, bool asJson, CancellationToken cancellationToken)
    {
        try
        {
            using var host = CliServices.Build();
            var parser = host.Services.GetRequiredService<FeedParser>();
            using var document = await host.Services.GetRequiredService<FeedFetcher>().OpenAsync(new FetchRequest(location), cancellationToken);
            if (document.Result.Status != FetchStatus.Ok || document.Content is null)
            {
                return console.Fail($"could not read {location}: {document.Result.Error ?? "not modified"}");
            }

            var source = document.Result.FinalUri ?? (Uri.TryCreate(location, UriKind.Absolute, out var u) ? u : new Uri(Path.GetFullPath(location)));
            var context = new FeedParseContext(source, document.Result.ContentType);
            if (asJson)
            {
                // The console's own writer flushes every few hundred bytes; a large feed's JSON goes to the stream in large writes.
                using var stdout = ReferenceEquals(console.Out, Console.Out) ? Console.OpenStandardOutput() : null;
                var output = stdout is null ? new InspectedFeedJsonWriter(console.Out) : new InspectedFeedJsonWriter(stdout);
                var feed = parser.Parse(document.Content, context, output, cancellationToken);
                output.Complete(feed);
            }
            else
            {
                await console.Out.WriteLineAsync(Text(parser.Parse(document.Content, context, cancellationToken)));
            }

            return 0;
        }
        catch (NotAFeedException ex)
        {
            var advertised = ex.AdvertisedFeeds.Count == 0 ? "it advertises no feed" : "it advertises: " + string.Join(", ", ex.AdvertisedFeeds);
            return console.Fail($"{location} is not a feed ({ex.Message}); {advertised}");
        }
        catch (FeedFormatException ex)
        {
            return console.Fail($"{location} is not a readable feed: {ex.Message}");
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message);
        }
    }

    private static string Text(ParsedFeed feed)
    {
        var lines = new List<string> { $"{feed.Format.ToWireName()}: {feed.Title} ({feed.Items.Count} items)" };
        foreach (var item in feed.Items)
        {
            var published = item.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "undated";
            lines.Add($"- [{published}] {item.Title}");
            lines.Add($"    {item.Url}");
        }

        lines.AddRange(feed.Errors.Select(e => $"problem: {e}"));
        return string.Join(Environment.NewLine, lines);
    }
}
