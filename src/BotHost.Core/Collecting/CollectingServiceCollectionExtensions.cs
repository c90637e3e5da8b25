using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using BotHost.Core.Stories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Collecting;

public static class CollectingServiceCollectionExtensions
{
    /// <summary>Feeds, sources, stories and the collecting pipeline that joins them.</summary>
    public static IServiceCollection AddCollecting(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.SourcesFile), "Feeds:SourcesFile must name a sources file, e.g. config/sources.json.")
            .Validate(o => o.DefaultIntervalMinutes is >= 1 and <= 1440, "Feeds:DefaultIntervalMinutes must be between 1 and 1440.")
            .Validate(o => o.JitterSeconds is >= 0 and <= 3600, "Feeds:JitterSeconds must be between 0 and 3600.")
            .Validate(o => o.MaxConcurrentFetches is >= 1 and <= 64, "Feeds:MaxConcurrentFetches must be between 1 and 64.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 600, "Feeds:TimeoutSeconds must be between 1 and 600.")
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 1L << 30, "Feeds:MaxBodyBytes must be between 1024 and 1073741824.")
            .Validate(o => o.MaxRedirects is >= 0 and <= 20, "Feeds:MaxRedirects must be between 0 and 20.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserAgent), "Feeds:UserAgent must not be empty.")
            .Validate(o => o.SummaryMaxLength is >= 20 and <= 4000, "Feeds:SummaryMaxLength must be between 20 and 4000.")
            .Validate(o => o.MaxBackoffMinutes is >= 1 and <= 10080, "Feeds:MaxBackoffMinutes must be between 1 and 10080.")
            .Validate(o => o.ParseTimeoutSeconds is >= 1 and <= 600, "Feeds:ParseTimeoutSeconds must be between 1 and 600.")
            .ValidateOnStart();
        services.AddFeedFetching();
        services.AddFeedParsing();
        services.AddSingleton<IFeedDocumentParser, FeedParserAdapter>();
        services.AddSingleton<BoundedParser>();
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<StoryStore>();
        services.AddSingleton<TitleBandIndex>();
        services.AddSingleton<StoryClusterer>();
        services.TryAddSingleton<StoryWriteGate>();
        services.TryAddSingleton<SearchIndexer>();
        services.AddOptions<CurationOptions>().BindConfiguration(CurationOptions.Section)
            .Validate(o => o.MinTitleLength is >= 0 and <= 200, "Curation:MinTitleLength must be between 0 and 200.")
            .Validate(o => o.MinTextLength is >= 0 and <= 2000, "Curation:MinTextLength must be between 0 and 2000.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.TopicsFile), "Curation:TopicsFile must name a topics file, e.g. config/topics.json.")
            .ValidateOnStart();
        services.AddSingleton<NoiseCurator>();
        services.AddSingleton(sp => TopicFilter.FromFile(
            sp.GetRequiredService<IOptions<CurationOptions>>().Value.TopicsFile, sp.GetRequiredService<ILogger<TopicFilter>>()));
        services.AddSingleton<StoryTopicTagger>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<ItemIngestor>();
        services.AddMetrics();
        services.AddSingleton<CollectingMetrics>();
        services.AddSingleton<SourceCollector>();
        services.AddSingleton<CollectionRound>();
        return services;
    }
}
