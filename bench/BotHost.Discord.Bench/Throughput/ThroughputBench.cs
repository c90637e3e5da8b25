using System.Diagnostics;
using System.Globalization;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Bench.Throughput;

/// <summary>
/// Sends N messages spread over C channels through DiscordRestClient to the loopback fake Discord, which
/// enforces the same global and per-channel limits Discord would, and reports how close the client gets
/// to the best rate those limits allow. Success: ratio >= 0.9 and zero 429s.
/// </summary>
internal static class ThroughputBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: cancel.Token);
        server.Rest.Options.GlobalLimit = settings.GlobalLimit;
        server.Rest.Options.BucketLimit = settings.BucketLimit;
        server.Rest.Options.BucketWindow = settings.BucketWindow;

        using var http = new HttpClient();
        var client = new DiscordRestClient(
            http,
            Options.Create(new DiscordOptions { Token = server.Rest.Options.Token, ApiBaseUrl = server.ApiBaseUri.ToString() }),
            Options.Create(new DiscordRestOptions { GlobalRequestsPerSecond = settings.GlobalLimit }),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sending {settings.Messages} messages to {settings.Channels} channels (global {settings.GlobalLimit}/s, buckets {settings.BucketLimit} per {settings.BucketWindow.TotalSeconds} s) ..."));
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Messages).Select(i => client.CreateMessageAsync(
            (ulong)(1000 + (i % settings.Channels)),
            new MessageCreate { Content = $"bench message {i}", Nonce = MessageNonce.FromStableKey($"bench:{i}"), EnforceNonce = true },
            cancel.Token)));
        stopwatch.Stop();

        var achieved = settings.Messages / stopwatch.Elapsed.TotalSeconds;
        var ratio = achieved / settings.AllowedRate;
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            messages      {settings.Messages} (created on server: {server.Rest.CreatedMessageCount}, requests: {server.Rest.TotalRequests})
            elapsed       {stopwatch.Elapsed.TotalSeconds:F2} s
            achieved rate {achieved:F2} msg/s
            allowed rate  {settings.AllowedRate:F2} msg/s
            ratio         {ratio:F3}
            429 count     {server.Rest.RateLimitedCount} (global: {server.Rest.GlobalRateLimitedCount})
            """);
        Console.WriteLine(report);
        var passed = ratio >= 0.9 && server.Rest.RateLimitedCount == 0 && server.Rest.CreatedMessageCount == settings.Messages;
        Console.WriteLine(passed ? "PASS" : "FAIL (need ratio >= 0.9, zero 429s, every message created once)");
        return passed ? 0 : 1;
    }
}
