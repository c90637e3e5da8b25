using BotHost.Core.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>Selection, ranking and rendering of digests, feedback on them, and the story reads they need.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(o => o.MaxStories is >= 1 and <= 25, "Digests:MaxStories must be between 1 and 25.")
            .Validate(o => o.WindowHours is >= 1 and <= 24 * 30, "Digests:WindowHours must be between 1 and 720.")
            .Validate(o => o.HalfLifeHours is > 0 and <= 24 * 30, "Digests:HalfLifeHours must be greater than 0 and at most 720.")
            .Validate(o => o.MaxPerSource is >= 1 and <= 25, "Digests:MaxPerSource must be between 1 and 25.")
            .Validate(o => o.MisfireGraceHours is >= 0 and <= 24 * 7, "Digests:MisfireGraceHours must be between 0 and 168.")
            .Validate(o => o.InstantDelaySeconds is >= 0 and <= 3600, "Digests:InstantDelaySeconds must be between 0 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<StoryDigestQueries>();
        services.AddSingleton<SubscriptionFilter>();
        services.AddSingleton<DigestRanker>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<DigestFeedback>();
        services.AddSingleton<DigestSelector>();
        services.AddSingleton<DigestRenderer>();
        return services;
    }
}
