using System.Diagnostics;
using System.Globalization;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Hosting;
using BotHost.Testing.FakeDiscord;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Hosting;

/// <summary>
/// The real executable against the fake Discord, killed with SIGKILL again and again in the middle of a digest
/// fan-out to 200 channels. Kill points are chosen by counting the messages the fake has stored, never by time.
/// Neither side trusts the nonce here (both windows are zero), so every part left unknown by a kill is settled by
/// the sender's search among the channel's messages.
/// </summary>
public sealed class DeliveryCrashTests
{
    private const int Channels = 200;
    private const int Kills = 20;
    private const ulong Guild = 77;

    [Fact]
    public async Task FanOut_KilledTwentyTimes_EndsWithExactlyOneCopyOfEachDigestPartInEveryChannel()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGKILL and restart of a child process.");
        var ct = TestContext.Current.CancellationToken;
        var started = Stopwatch.StartNew();
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: ct);
        discord.Rest.Options.NonceWindow = TimeSpan.Zero;
        var settings = Settings(directory, discord);
        var partsPerChannel = await SeedAsync(settings, ct);
        var expected = Channels * partsPerChannel;

        var kills = 0;
        for (; kills < Kills; kills++)
        {
            var threshold = expected * (kills + 1) / (Kills + 2);
            Log(directory, $"=== start {kills + 1} at {DateTime.Now:HH:mm:ss.fff}, waiting for {threshold}");
            using var child = StartBot(settings, line => Log(directory, line));
            try
            {
                await discord.Rest.WaitUntilAsync(r => r.CreatedMessageCount >= threshold, TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"start {kills + 1}: {discord.Rest.CreatedMessageCount} of {threshold} messages; child output:\n" + File.ReadAllText(Path.Combine(directory, "child.log")));
                throw;
            }
            finally
            {
                child.Kill();
                await child.WaitForExitAsync(ct);
            }
        }

        // The last start runs until every delivery is recorded as sent: each "Delivered" log line re-checks the database.
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void CheckSent()
        {
            if (SentCount(settings) == Channels)
            {
                allSent.TrySetResult();
            }
        }

        using (var last = StartBot(settings, line =>
        {
            if (line.Contains("Delivered digest", StringComparison.Ordinal))
            {
                CheckSent();
            }
        }))
        {
            try
            {
                await discord.Rest.WaitUntilAsync(r => r.CreatedMessageCount >= expected, TimeSpan.FromSeconds(60));
                CheckSent();
                await allSent.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            finally
            {
                last.Kill();
                await last.WaitForExitAsync(ct);
            }
        }

        var perChannel = discord.Rest.Messages.GroupBy(m => m.ChannelId).ToDictionary(g => g.Key, g => g.ToList());
        var copies = perChannel.Values.SelectMany(list => list.GroupBy(Marker).Select(g => g.Count())).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Channels} channels × {partsPerChannel} parts = {expected} expected; {discord.Rest.CreatedMessageCount} messages created in {perChannel.Count} channels; " +
            $"copies per part: min {copies.Min()}, max {copies.Max()}; SIGKILLs {kills}, starts {kills + 1}; {discord.Rest.TotalRequests} requests " +
            $"({discord.Rest.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/messages", StringComparison.Ordinal))} message searches); {started.Elapsed.TotalSeconds:0.0} s"));
        Assert.Equal(Channels, perChannel.Count);
        Assert.All(perChannel.Values, list => Assert.Equal(partsPerChannel, list.Count));
        Assert.All(perChannel.Values, list => Assert.Equal(partsPerChannel, list.Select(Marker).Distinct().Count()));
        Assert.Equal(expected, discord.Rest.CreatedMessageCount);
        Assert.Equal(Channels, SentCount(settings));
    }

    private static string? Marker(FakeMessage message)
    {
        var embeds = message.Json["embeds"]!.AsArray();
        return embeds.Count > 0 ? embeds[^1]!["footer"]?["text"]?.GetValue<string>() : message.Content;
    }

    private static Dictionary<string, string> Settings(string directory, FakeDiscordServer discord)
    {
        var sources = SampleSources.Write(directory);
        return new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds__SourcesFile"] = sources,
            ["Feeds__FirstFetchIsBacklog"] = "false",
            ["Curation__TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord__Token"] = discord.Rest.Options.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
            ["Discord__GatewayUrl"] = discord.GatewayUri.ToString(),
            ["Delivery__InstanceId"] = "crash-test",
            ["Delivery__MaxParallelSends"] = "32",
            ["Delivery__NonceWindowSeconds"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    // 200 channels subscribed a day ago with a delivery time that passed a minute ago: every start catches their
    // digest up (once), as after downtime. Returns how many messages one channel's digest takes.
    private static async Task<int> SeedAsync(Dictionary<string, string> settings, CancellationToken ct)
    {
        var overrides = settings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
        using var host = BotHostApplication.CreateBuilder(forCli: true, overrides: overrides).Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await host.Services.GetRequiredService<CollectionRound>().CollectAllAsync(force: true, ct);
        var now = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        var store = host.Services.GetRequiredService<SubscriptionStore>();
        Subscription? first = null;
        for (var i = 0; i < Channels; i++)
        {
            var stored = await store.UpsertAsync(new Subscription
            {
                Channel = new ChannelKey(Guild, 1000 + (ulong)i),
                DeliveryTime = new TimeOnly(now.Hour, now.Minute),
                UpdatedAt = now - TimeSpan.FromDays(1),
            }, ct);
            first ??= stored;
        }

        var parts = (await host.Services.GetRequiredService<DigestRunner>().PreviewAsync(first!, ct)).Parts.Count;
        SqliteConnection.ClearAllPools();
        return parts;
    }

    private static long SentCount(Dictionary<string, string> settings)
    {
        using var connection = new SqliteConnection($"Data Source={settings["Storage__DatabasePath"]};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM digest_deliveries WHERE status = 'sent'";
        return (long)command.ExecuteScalar()!;
    }

    private static Process StartBot(Dictionary<string, string> settings, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BotHost.Cli.BotHostCli).Assembly.Location);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["BOTHOST_Discord__Token"] = settings["Discord__Token"];
        start.Environment["Logging__LogLevel__BotHost.Core.Delivery"] = "Information";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onLine?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onLine?.Invoke(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Log(string directory, string line)
    {
        lock (typeof(DeliveryCrashTests))
        {
            File.AppendAllText(Path.Combine(directory, "child.log"), line + "\n");
        }
    }

}
