using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Feeds.Parsing;

public static class FeedParsingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedParser"/> with the parser's settings of <see cref="FeedOptions"/>
    /// (Feeds:SummaryMaxLength, Feeds:MaxItemsPerFeed) and validates the one only the parser reads.
    /// </summary>
    public static IServiceCollection AddFeedParsing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FeedOptions>()
            .Validate(o => o.MaxItemsPerFeed is >= 1 and <= 1_000_000, "Feeds:MaxItemsPerFeed must be between 1 and 1000000.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FeedOptions>>().Value;
            return new FeedParser(options.SummaryMaxLength, options.MaxItemsPerFeed);
        });
        return services;
    }
}
