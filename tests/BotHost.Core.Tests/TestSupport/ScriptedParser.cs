using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Collections.Concurrent;
using BotHost.Core.Collecting;
using BotHost.Core.Feeds;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// The real parser, except for the documents a test scripts by file name: those run the script instead
/// (throw, return a feed of the test's choosing, or block until a signal).
/// </summary>
public sealed class ScriptedParser : IFeedDocumentParser
{
    private readonly FeedParser _real = new();
    private readonly ConcurrentDictionary<string, Func<CancellationToken, ParsedFeed>> _scripts = new(StringComparer.Ordinal);

    /// <summary>From now on, parsing <paramref name="fileName"/> runs <paramref name="parse"/> (given the parse's token).</summary>
    public void Script(string fileName, Func<CancellationToken, ParsedFeed> parse) => _scripts[fileName] = parse;

    public void Unscript(string fileName) => _scripts.TryRemove(fileName, out _);

    public ParsedFeed Parse(byte[] body, FeedParseContext context, CancellationToken cancellationToken)
    {
        var name = context.SourceUri is { } uri ? Path.GetFileName(uri.LocalPath) : string.Empty;
        return _scripts.TryGetValue(name, out var script) ? script(cancellationToken) : _real.Parse(body, context);
    }
}
