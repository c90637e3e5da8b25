using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Feeds.Fetching;

public static class FeedFetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedFetcher"/>, its <see cref="FetchConcurrencyLimiter"/> and the named HTTP client.
    /// Binding and validating <see cref="FeedOptions"/> is left to the host.
    /// </summary>
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FetchConcurrencyLimiter>();
        services.TryAddSingleton<FeedFetcher>();

        // FeedFetcher owns the deadline (on TimeProvider), so HttpClient's own timeout must never fire first.
        services.AddHttpClient(FeedFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CreateHandler(provider.GetRequiredService<IOptions<FeedOptions>>().Value));
        return services;
    }

    private static SocketsHttpHandler CreateHandler(FeedOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,

        // Redirects are followed by FeedFetcher so each hop is counted, loop-checked and scheme-checked.
        AllowAutoRedirect = false,

        // A proxy would make the connect step reach the proxy, not the feed host, defeating the address check.
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = new GuardedConnector(options.AllowPrivateAddresses).ConnectAsync,
    };
}
