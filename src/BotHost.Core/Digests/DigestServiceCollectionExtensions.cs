using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Digests;

public static class DigestServiceCollectionExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(o => o.MaxStories is >= 1 and <= 50, "Digests:MaxStories must be between 1 and 50.")
            .Validate(o => o.WindowHours is >= 1 and <= 24 * 30, "Digests:WindowHours must be between 1 and 720.")
            .Validate(o => o.HalfLifeHours is > 0 and <= 24 * 30, "Digests:HalfLifeHours must be greater than 0 and at most 720.")
            .ValidateOnStart();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestRenderer>();
        return services;
    }
}
