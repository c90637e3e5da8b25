using BotHost.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox, the composer that fills it, and the sender and dispatcher that empty it. The host registers the <see cref="ISink"/>.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceId), "Delivery:InstanceId must name this process, e.g. the machine name.")
            .Validate(o => o.LeaseSeconds is >= 10 and <= 3600, "Delivery:LeaseSeconds must be between 10 and 3600.")
            .Validate(o => o.NonceWindowSeconds is >= 0 and <= 600, "Delivery:NonceWindowSeconds must be between 0 and 600.")
            .Validate(o => o.SearchMarginSeconds is >= 0 and <= 3600, "Delivery:SearchMarginSeconds must be between 0 and 3600.")
            .Validate(o => o.MaxParallelSends is >= 1 and <= 256, "Delivery:MaxParallelSends must be between 1 and 256.")
            .Validate(o => o.ScanIntervalSeconds is >= 1 and <= 3600, "Delivery:ScanIntervalSeconds must be between 1 and 3600.")
            .Validate(o => o.RetryBaseSeconds is >= 1 and <= 3600, "Delivery:RetryBaseSeconds must be between 1 and 3600.")
            .Validate(o => o.MaxRetryDelayMinutes is >= 1 and <= 1440, "Delivery:MaxRetryDelayMinutes must be between 1 and 1440.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, "Delivery:MaxAttempts must be between 1 and 100.")
            .ValidateOnStart();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DeliveryRetention>();
        services.AddSingleton<IStoryRetentionHold>(sp => sp.GetRequiredService<DeliveryRetention>());
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestRunner>();
        services.AddSingleton<StoryExplainer>();
        services.AddSingleton<IChannelGoneListener, PauseOnChannelGone>();
        services.AddMetrics();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliverySender>();
        // The host starts the dispatcher (AddHostedService) after the database is migrated.
        services.AddSingleton<DeliveryDispatcher>();
        return services;
    }
}
