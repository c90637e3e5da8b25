using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli;

/// <summary>`inspect-feed &lt;file-or-url&gt; [--json]`: fetch and parse one feed, show what BotHost sees in it.</summary>
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
        using var host = CliServices.Build();
        var fetch = await host.Services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(location), cancellationToken);
        if (fetch.Status != FetchStatus.Ok)
        {
            return console.Fail($"could not read {location}: {fetch.Error ?? "not modified"}");
        }

        ParsedFeed feed;
        try
        {
            using var body = new MemoryStream(fetch.Body!, writable: false);
            var source = fetch.FinalUri ?? (Uri.TryCreate(location, UriKind.Absolute, out var u) ? u : new Uri(Path.GetFullPath(location)));
            feed = host.Services.GetRequiredService<FeedParser>().Parse(body, new FeedParseContext(source, fetch.ContentType));
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

        await console.Out.WriteLineAsync(asJson ? Json(feed) : Text(feed));
        return 0;
    }

    private static string Json(ParsedFeed feed)
    {
        var wire = new InspectedFeed(
            feed.Format.ToWireName(),
            feed.Title,
            feed.Items.Select(i => new InspectedItem(
                i.Id,
                i.Title,
                i.Url,
                i.Url is not null && UrlCanonicalizer.TryCanonicalize(i.Url, out var c, out _) ? c : null,
                i.Published?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                i.SummaryText)).ToList(),
            feed.Errors);
        return JsonSerializer.Serialize(wire, CliJsonContext.Default.InspectedFeed);
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

    internal sealed record InspectedFeed(
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("items")] IReadOnlyList<InspectedItem> Items,
        [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);

    internal sealed record InspectedItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("canonical_url")] string? CanonicalUrl,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("summary_text")] string SummaryText);
}
