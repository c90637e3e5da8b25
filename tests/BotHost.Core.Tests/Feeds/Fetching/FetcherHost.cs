using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Core.Tests.Feeds.Fetching;

/// <summary>A FeedFetcher built the way the host builds it (DI + AddFeedFetching), a fake clock and a loopback server.</summary>
internal sealed class FetcherHost : IAsyncDisposable
{
    /// <summary>Generous real-time bound on awaiting a signal; tests never wait this long unless broken.</summary>
    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _services;

    private FetcherHost(ServiceProvider services, LoopbackFeedServer server, FakeTimeProvider time, FeedOptions options)
    {
        _services = services;
        Server = server;
        Time = time;
        Options = options;
        Fetcher = services.GetRequiredService<FeedFetcher>();
        Limiter = services.GetRequiredService<FetchConcurrencyLimiter>();
    }

    public LoopbackFeedServer Server { get; }

    public FakeTimeProvider Time { get; }

    public FeedOptions Options { get; }

    public FeedFetcher Fetcher { get; }

    /// <summary>The limiter instance the fetcher uses (a DI singleton).</summary>
    public FetchConcurrencyLimiter Limiter { get; }

    /// <summary>Options default to AllowPrivateAddresses=true (the loopback server is private), 1 MiB cap, 30 s timeout.</summary>
    /// <param name="services">Changes to the registrations after AddFeedFetching (e.g. a different primary handler).</param>
    public static async Task<FetcherHost> StartAsync(Action<FeedOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var options = new FeedOptions
        {
            AllowPrivateAddresses = true,
            MaxBodyBytes = 1024 * 1024,
            TimeoutSeconds = 30,
            MaxRedirects = 5,
            UserAgent = "BotHost-Test/1.0 (+loopback)",
        };
        configure?.Invoke(options);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddFeedFetching();
        services?.Invoke(collection);
        var server = await LoopbackFeedServer.StartAsync(TestContext.Current.CancellationToken);
        return new FetcherHost(collection.BuildServiceProvider(), server, time, options);
    }

    public Task<FetchResult> FetchAsync(string path, string? etag = null, string? lastModified = null) =>
        Fetcher.FetchAsync(new FetchRequest(Server.Url(path).ToString(), etag, lastModified), TestContext.Current.CancellationToken);

    /// <summary>
    /// Serves <paramref name="stalling"/> on <paramref name="path"/>, starts a fetch of it and returns the running
    /// fetch once the server has begun sending the body.
    /// </summary>
    public async Task<Task<FetchResult>> StartStalledFetchAsync(string path, LoopbackResponse stalling, CancellationToken cancellationToken)
    {
        Server.Map(path, stalling);
        var fetch = Fetcher.FetchAsync(new FetchRequest(Server.Url(path).ToString()), cancellationToken);
        await stalling.BodyStarted.Task.WaitAsync(SignalTimeout, TestContext.Current.CancellationToken);
        return fetch;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
