using BotHost.Core.Picks;
using BotHost.Core.Sources;
using BotHost.Core.Stories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>
    /// Subscriptions (store, rules, service), curator picks and sharing, and the
    /// guild sources subscriptions may name. Needs AddStorage and AddCollecting (topic vocabulary,
    /// sources). A scheduler replaces the no-op <see cref="ISubscriptionSchedule"/> by registering its own.
    /// </summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section)
            .Validate(o => SubscriptionRules.TryParseTime(o.DefaultTime, out _, out _), "Subscriptions:DefaultTime must be HH:MM on a 24-hour clock, e.g. 09:00.")
            .Validate(o => TimeZoneCatalog.Canonical(o.DefaultTimeZone) is not null, "Subscriptions:DefaultTimeZone must be an IANA time zone such as UTC or Europe/Berlin.")
            .Validate(o => o.DefaultSize is >= 1 and <= SubscriptionRules.MaxSize, "Subscriptions:DefaultSize must be between 1 and 25.")
            .Validate(o => o.MaxPerChannel is >= 1 and <= 25, "Subscriptions:MaxPerChannel must be between 1 and 25.")
            .Validate(o => o.PatternTimeoutMilliseconds is >= 10 and <= 5000, "Subscriptions:PatternTimeoutMilliseconds must be between 10 and 5000.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SubscriptionRules(
            sp.GetRequiredService<TopicFilter>().Vocabulary,
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<SubscriptionOptions>>().Value.PatternTimeoutMilliseconds)));
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionService>();
        services.TryAddSingleton<ISubscriptionSchedule, NoSubscriptionSchedule>();
        services.AddSingleton<CuratorPickStore>();
        services.AddSingleton<ShareService>();

        // The stories reads and the shared-story writer commands use; the stories feature has no registration of its own.
        services.TryAddSingleton<StoryQueries>();
        services.TryAddSingleton<StoryWriteGate>();
        services.TryAddSingleton<SearchIndexer>();
        services.TryAddSingleton<SharedStoryRecorder>();

        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section)
            .Validate(o => o.MaxPerGuild is >= 1 and <= 100, "Sources:MaxPerGuild must be between 1 and 100.")
            .ValidateOnStart();
        services.TryAddSingleton<GuildSourceStore>();
        services.TryAddSingleton<GuildSourceService>();
        services.TryAddSingleton<SourceNames>();
        services.TryAddSingleton<SourceVisibility>();
        return services;
    }
}
