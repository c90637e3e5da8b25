namespace BotHost.Core.Tests.Sources.Opml;

/// <summary>OPML as feed readers export it: OPML 1.0, folders as outlines with only text/title, feeds with type="rss" and htmlUrl.</summary>
internal static class OpmlSamples
{
    public const string FeedReaderExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head>
            <title>Feedly subscriptions</title>
          </head>
          <body>
            <outline text="Backend" title="Backend">
              <outline type="rss" text="Martin Fowler" title="Martin Fowler" xmlUrl="https://martinfowler.com/feed.atom" htmlUrl="https://martinfowler.com"/>
              <outline type="rss" text="The Cloudflare Blog" title="The Cloudflare Blog" xmlUrl="https://blog.cloudflare.com/rss/" htmlUrl="https://blog.cloudflare.com/"/>
            </outline>
            <outline text="Reading" title="Reading">
              <outline type="rss" text="Hacker News" title="Hacker News" xmlUrl="https://news.ycombinator.com/rss" htmlUrl="https://news.ycombinator.com/"/>
            </outline>
            <outline text="DevOps" title="DevOps">
              <outline type="rss" text="Cloudflare" title="The Cloudflare Blog" xmlUrl="https://blog.cloudflare.com/rss/"/>
            </outline>
            <outline type="rss" text="Lobsters" xmlurl="https://lobste.rs/rss"/>
          </body>
        </opml>
        """;

    /// <summary>A topics file knowing backend and devops, so the folder "Reading" is not a topic.</summary>
    public const string Topics = """{ "topics": { "backend": ["api", "database"], "devops": ["kubernetes", "deploy"] } }""";

    /// <summary>A sources file written by hand, with a comment, as config/sources.json is.</summary>
    public const string HandWrittenSources = """
        {
          // Hand-picked; keep this comment.
          "sources": [
            { "name": "dev.to #backend", "url": "https://dev.to/feed/tag/backend", "weight": 1.0, "topics": ["backend"] },
            { "name": "Hacker News", "url": "https://news.ycombinator.com/rss", "weight": 1.5, "intervalMinutes": 10 }
          ]
        }
        """;
}
