using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BotHost.Core.Delivery;
using BotHost.Core.Scheduling;
using BotHost.Core.Subscriptions;
using BotHost.Hosting;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Bridge;

/// <summary>
/// The whole bot in Discord mode against the loopback fake, on the offline sample feeds (collected at start, not as
/// backlog): send slash commands and button clicks as gateway interactions and read the answers and posted messages.
/// </summary>
public sealed class DiscordDigestHost : IAsyncDisposable
{
    public const ulong Guild = 77;
    public const ulong ManageChannels = 16;

    private static long _nextInteraction = 5000;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<DeliveryStatus?>> _finished = new();

    private DiscordDigestHost(FakeDiscordServer discord, IHost host, string directory, CapturingLoggerProvider logs)
    {
        Discord = discord;
        Host = host;
        Directory = directory;
        Logs = logs;
        Services.GetRequiredService<DeliveryDispatcher>().Finished += (id, status) => Signal(id).TrySetResult(status);
    }

    public FakeDiscordServer Discord { get; }

    public IHost Host { get; }

    public string Directory { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => Host.Services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DiscordDigestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var sources = SampleSources.Write(directory);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord:Token"] = discord.Rest.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
            ["Discord:GatewayUrl"] = discord.GatewayUri.ToString(),
            ["Digests:MaxPerSource"] = "25",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: values);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        var firstRound = new FirstRoundSignal();
        builder.Services.AddSingleton<ICollectionListener>(firstRound);
        var host = builder.Build();
        await host.StartAsync(Ct);
        await firstRound.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await discord.Gateway.WaitUntilAsync(g => g.IdentifyCount >= 1 && g.IsConnected);
        return new DiscordDigestHost(discord, host, directory, logs);
    }

    public async Task<Subscription> SubscribeAsync(ulong channelId, SubscriptionRequest? request = null)
    {
        var result = await Services.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(Guild, channelId), request ?? new SubscriptionRequest(), Ct);
        return result.Subscription ?? throw new InvalidOperationException(result.Error);
    }

    /// <summary>
    /// A subscription created a day ago whose delivery time is this minute, fired through its Quartz job as the
    /// schedule would: the scheduled path, on the real clock the bot runs on.
    /// </summary>
    public async Task<Subscription> FireScheduledAsync(ulong channelId)
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var stored = await Services.GetRequiredService<SubscriptionStore>().UpsertAsync(new Subscription
        {
            Channel = new ChannelKey(Guild, channelId),
            DeliveryTime = new TimeOnly(now.Hour, now.Minute),
            UpdatedAt = now - TimeSpan.FromDays(1),
        }, Ct);
        var schedule = Services.GetRequiredService<DigestSchedule>();
        await schedule.SubscriptionChangedAsync(stored, Ct);
        await schedule.RunNowAsync(stored.Id, Ct);
        return stored;
    }

    /// <summary>Sends a slash command in a channel of <see cref="Guild"/> and returns the answer's message data.</summary>
    public Task<JsonElement> CommandAsync(ulong channelId, string command, string optionsJson, ulong permissions = ManageChannels)
        => InteractAsync(channelId, 2, $$"""{"id":"1","name":"{{command}}","type":1,"options":{{optionsJson}}}""", permissions);

    /// <summary>Clicks a button whose custom_id is <paramref name="customId"/> and returns the answer's message data.</summary>
    public Task<JsonElement> ClickAsync(ulong channelId, string customId, ulong permissions = 0)
        => InteractAsync(channelId, 3, $$"""{"custom_id":"{{customId}}","component_type":2}""", permissions);

    /// <summary>Waits until delivery <paramref name="deliveryId"/> has run to an end (sent or failed).</summary>
    public async Task<DeliveryStatus?> DeliveredAsync(long deliveryId)
    {
        while (true)
        {
            var status = await Signal(deliveryId).Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            if (status is not DeliveryStatus.Pending)
            {
                return status;
            }

            _finished.TryRemove(deliveryId, out _);
        }
    }

    public async Task<long> DeliveryIdAsync(long subscriptionId)
    {
        await using var connection = await Services.GetRequiredService<BotHost.Core.Storage.SqliteConnectionFactory>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM digest_deliveries WHERE subscription_id = $s ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$s", subscriptionId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Messages the bot posted in a channel, oldest first.</summary>
    public IReadOnlyList<FakeMessage> MessagesIn(ulong channelId) => [.. Discord.Rest.Messages.Where(m => m.ChannelId == channelId && !m.Deleted)];

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(Ct);
        Host.Dispose();
        await Discord.DisposeAsync();
    }


    private TaskCompletionSource<DeliveryStatus?> Signal(long id)
        => _finished.GetOrAdd(id, _ => new TaskCompletionSource<DeliveryStatus?>(TaskCreationOptions.RunContinuationsAsynchronously));

    // The answer is the callback's data, or, when the handler was slower than the acknowledgement deadline, the edit of the deferral.
    private async Task<JsonElement> InteractAsync(ulong channelId, int type, string dataJson, ulong permissions)
    {
        var id = (ulong)Interlocked.Increment(ref _nextInteraction);
        var token = "interaction-token-" + id.ToString(CultureInfo.InvariantCulture);
        Discord.IssueInteraction(id, token);
        await Discord.Gateway.SendDispatchAsync("INTERACTION_CREATE", $$"""
            {"id":"{{id}}","application_id":"1100000000000000001","type":{{type}},"token":"{{token}}","guild_id":"{{Guild}}","channel_id":"{{channelId}}",
             "member":{"user":{"id":"5","username":"ada"},"permissions":"{{permissions}}"},"data":{{dataJson}}}
            """);
        var callback = await Discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == id, Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        if (callback.CallbackType is 4 or 7)
        {
            return callback.Body.GetProperty("data");
        }

        var edit = await Discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.Token == token, Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        return edit.Body;
    }
}
