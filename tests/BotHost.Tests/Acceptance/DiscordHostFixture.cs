using System.Text.Json;
using BotHost.Core.Scheduling;
using BotHost.Core.Storage;
using BotHost.Hosting;
using BotHost.Testing.FakeDiscord;
using BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Acceptance;

/// <summary>
/// The whole bot against the loopback fake Discord, on the Hacker News and dev.to samples: it connects, registers its
/// commands and collects once; tests then send interactions and read what the bot called back.
/// </summary>
public sealed class DiscordHostFixture : IAsyncDisposable
{
    public const string Token = "fake-bot-token";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly string _directory;
    private long _nextInteraction = 5000;

    private DiscordHostFixture(string directory, FakeDiscordServer discord, IHost host)
    {
        _directory = directory;
        Discord = discord;
        Host = host;
    }

    public FakeDiscordServer Discord { get; }

    public IHost Host { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DiscordHostFixture> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        discord.Rest.Options.Token = Token;
        var sources = Path.Combine(directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
              { "name": "Hacker News", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "hackernews.xml"))}}" },
              { "name": "dev.to", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "devto-backend.xml"))}}", "topics": ["backend", "architecture"] } ] }
            """, Ct);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Feeds:CollectAllOnStart"] = "true",
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
            ["Discord:GatewayUrl"] = discord.GatewayUri.ToString(),
            // These tests read the answer's shape (inline message or deferral) on a real clock; a busy test machine must
            // not turn a quick answer into a deferral, so they get the old 2 s budget instead of the 50 ms default.
            ["Discord:Interactions:AcknowledgeAfter"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: values);
        builder.Logging.ClearProviders();
        var collected = new FirstRoundSignal();
        builder.Services.AddSingleton<ICollectionListener>(collected);
        var host = builder.Build();
        await host.StartAsync(Ct);
        await discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 1 && g.IsConnected);
        await discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.GlobalCommands, Ct).WaitAsync(Wait, Ct);
        await collected.Completed.Task.WaitAsync(Wait, Ct);
        return new DiscordHostFixture(directory, discord, host);
    }

    /// <summary>Sends an INTERACTION_CREATE built by <paramref name="payload"/> (given id and token) and returns the bot's callback.</summary>
    public async Task<FakeInteractionRequest> InteractAsync(Func<ulong, string, string> payload)
    {
        var id = (ulong)Interlocked.Increment(ref _nextInteraction);
        var token = $"interaction-token-{id}";
        Discord.IssueInteraction(id, token);
        await Discord.Gateway.SendDispatchAsync("INTERACTION_CREATE", payload(id, token));
        return await Discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == id, Ct).WaitAsync(Wait, Ct);
    }

    /// <summary>The edit that replaced a deferral's placeholder.</summary>
    public Task<FakeInteractionRequest> EditOfAsync(FakeInteractionRequest callback)
        => Discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.Token == callback.Token, Ct).WaitAsync(Wait, Ct);

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Get<SqliteConnectionFactory>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>The message text of a callback (under "data") or of an edit or followup (the body itself).</summary>
    public static string Content(FakeInteractionRequest request)
        => (request.Body.TryGetProperty("data", out var data) ? data : request.Body).GetProperty("content").GetString() ?? "";

    public static bool IsEphemeral(FakeInteractionRequest request)
        => request.Body.GetProperty("data").TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0;

    public static JsonElement Data(FakeInteractionRequest request) => request.Body.GetProperty("data");

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(Ct);
        Host.Dispose();
        await Discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }

    private static string Esc(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
