using BotHost.Bridge;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Feeds;
using BotHost.Core.Scheduling;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Hosting;

/// <summary>The composition root: configuration sources, options and services, shared by `run` and the CLI verbs.</summary>
public static class BotHostApplication
{
    public const string EnvironmentPrefix = "BOTHOST_";

    /// <param name="forCli">CLI verbs log warnings only and schedule nothing.</param>
    public static HostApplicationBuilder CreateBuilder(bool forCli, TimeProvider? time = null, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            // The defaults watch the content root, subfolders included, for appsettings.json changes; with the database
            // in data/ under it, every WAL write woke that watcher (a tenth of ingest's CPU in the profile). Nothing reloads.
            Configuration = NoReloadOnChange(),
        });

        // config/ lives under the working directory; environment variables (plain Section__Key or
        // BOTHOST_Section__Key) are added again after it and the user secrets so they win over both.
        builder.Configuration.AddJsonFile(Path.Combine("config", "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddJsonFile(Path.Combine("config", $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        // The operator's secret store outside the repository (`dotnet user-secrets set Discord:Token … --project src/BotHost`),
        // read in every environment because the README keeps the token there; environment variables still win over it.
        builder.Configuration.AddUserSecrets(typeof(BotHostApplication).Assembly, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (forCli)
        {
            // A filter, not just a minimum level: appsettings.json's Logging:LogLevel:Default would win over the minimum
            // and print Information lines into a verb's output.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        }

        var mode = ModeOf(builder.Configuration);
        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new RunModeInfo(mode));
        builder.Services.AddSingleton<ExitCodeRequest>();
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section)
            .Validate(o => IsUrl(o.ApiBaseUrl, "http", "https"), "Discord:ApiBaseUrl must be an absolute http(s) URL, e.g. https://discord.com/api/v10.")
            .Validate(o => o.GatewayUrl is null || IsUrl(o.GatewayUrl, "ws", "wss"), "Discord:GatewayUrl must be a ws:// or wss:// URL, or unset.")
            .Validate(o => o.Intents >= 0, "Discord:Intents must be a non-negative bit set (1 = GUILDS).")
            .ValidateOnStart();
        builder.Services.AddStorage();
        builder.Services.AddCollecting();
        builder.Services.AddDigests();
        builder.Services.AddSubscriptions();
        builder.Services.AddDelivery();
        ApplyModeDefaults(builder, mode);

        if (!forCli)
        {
            builder.Services.AddHostedService<StartupChecks>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
            builder.Services.AddScheduling(clock);
            builder.Services.AddHostedService<GuildSourceCollector>();
            if (mode == RunMode.Offline)
            {
                builder.Services.AddSingleton<ISink, ConsoleSink>();
                builder.Services.AddSingleton<ICollectionListener, ConsoleReport>();
            }
            else
            {
                builder.Services.AddDiscordBridge();
            }
        }
        else
        {
            // CLI verbs never post to Discord; what they deliver goes to the console.
            builder.Services.AddSingleton<ISink, ConsoleSink>();
        }

        return builder;
    }

    private static ConfigurationManager NoReloadOnChange()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        return configuration;
    }

    private static bool IsUrl(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.Ordinal);

    public static RunMode ModeOf(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]) ? RunMode.Offline : RunMode.Discord;

    // With no token a newcomer gets the sample feeds and sees every sample story in the first digest,
    // unless they chose otherwise in configuration.
    private static void ApplyModeDefaults(HostApplicationBuilder builder, RunMode mode)
    {
        if (mode != RunMode.Offline)
        {
            return;
        }

        var feeds = builder.Configuration.GetSection(FeedOptions.Section);
        var sourcesConfigured = feeds[nameof(FeedOptions.SourcesFile)] is not null;
        var backlogConfigured = feeds[nameof(FeedOptions.FirstFetchIsBacklog)] is not null;
        var collectAllConfigured = feeds[nameof(FeedOptions.CollectAllOnStart)] is not null;
        builder.Services.PostConfigure<FeedOptions>(o =>
        {
            if (!sourcesConfigured)
            {
                o.SourcesFile = o.SamplesSourcesFile;
            }

            if (!backlogConfigured)
            {
                o.FirstFetchIsBacklog = false;
            }

            if (!collectAllConfigured)
            {
                o.CollectAllOnStart = true;
            }
        });
    }
}
