using System.Globalization;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// A blog feed, a topics file and subscriptions on a <see cref="CoreTestHost"/>: publish entries, subscribe channels,
/// compose digests and send what is pending through the <see cref="RecordingSink"/>.
/// </summary>
public sealed class DigestWorld : IAsyncDisposable
{
    public const string Topics = """{ "topics": { "backend": ["api", "database*", "queue"], "ai": ["llm", "model"] } }""";

    private readonly List<Entry> _entries = [];
    private int _next;

    private DigestWorld(CoreTestHost host) => Host = host;

    public CoreTestHost Host { get; private set; }

    public FakeTimeProvider Time => Host.Time;

    public RecordingSink Sink => Host.Sink;

    public IServiceProvider Services => Host.Services;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DigestWorld> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        // One blog is the only source, so the per-source cap is lifted unless a test sets it.
        var values = new Dictionary<string, string?> { ["Digests:MaxPerSource"] = "25" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await CoreTestHost.StartAsync(settings: values, configure: configure);
        host.WriteTopics(Topics);
        host.WriteFeed("blog.xml", Rss("Blog"));
        host.WriteSources(("Blog", "blog.xml"));
        return new DigestWorld(host);
    }

    /// <summary>Adds <paramref name="count"/> backend stories (unique titles and links) to the blog and collects it.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(int count, string topicWord = "api")
    {
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var n = ++_next;
            var title = $"{Word(n, 1)} {topicWord} {Word(n, 2)} {Word(n, 3)} {Word(n, 4)}";
            _entries.Add(new Entry($"g-{n}", title, $"https://blog.example.org/posts/{n}", PubDate: Time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)));
            titles.Add(title);
        }

        Host.WriteFeed("blog.xml", Rss("Blog", [.. _entries]));
        await Host.CollectAllAsync();
        return titles;
    }

    public async Task<Subscription> SubscribeAsync(ChannelKey channel, SubscriptionRequest request)
    {
        var result = await Services.GetRequiredService<SubscriptionService>().SubscribeAsync(channel, request, Ct);
        return result.Subscription ?? throw new InvalidOperationException(result.Error);
    }

    public Task<ComposeResult> RunNowAsync(Subscription subscription) => Services.GetRequiredService<DigestRunner>().RunNowAsync(subscription, Ct);

    /// <summary>Sends every pending, due delivery once, in creation order; returns the statuses reached.</summary>
    public async Task<IReadOnlyList<DeliveryStatus?>> SendPendingAsync()
    {
        var sender = Services.GetRequiredService<DeliverySender>();
        var result = new List<DeliveryStatus?>();
        foreach (var id in await Services.GetRequiredService<OutboxStore>().DueAsync(Time.GetUtcNow(), Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value.InstanceId, 1000, Ct))
        {
            result.Add(await sender.SendAsync(id, Ct));
        }

        return result;
    }

    /// <summary>Stops these services and starts new ones on the same directory and clock: a restart.</summary>
    /// <remarks>The sink survives, as Discord's channels do.</remarks>
    public async Task RestartAsync()
    {
        var sink = Sink;
        await Host.StopAsync();
        Host = await CoreTestHost.StartAsync(Host.Directory, Host.Time, new Dictionary<string, string?> { ["Digests:MaxPerSource"] = "25" }, s => s.AddSingleton(sink));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    // Titles share only their topic word, so no two of them cluster as one story.
    private static string Word(int n, int k)
    {
        var hash = (uint)((n * 7919) + (k * 104729)) * 2654435761u;
        var chars = new char[7];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + (hash % 26));
            hash = (hash / 26) + ((uint)(n + i) * 31u);
        }

        return new string(chars);
    }
}
