using System.Text;
using System.Text.Json;
using BotHost.Bridge;
using BotHost.Cli;
using BotHost.Core.Collecting;
using BotHost.Core.Storage;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Tests.Bridge;

/// <summary>
/// BotHost's command handlers on a temporary database that holds the Hacker News sample, on a fake clock: interactions
/// go straight to the handlers (no Discord), the way the dispatcher calls them.
/// </summary>
public sealed class CommandHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly string _directory;

    private CommandHarness(IHost host, string directory, FakeTimeProvider time)
    {
        _host = host;
        _directory = directory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public CommandCatalog Catalog => Services.GetRequiredService<CommandCatalog>();

    public static async Task<CommandHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sources = Path.Combine(directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""{ "sources": [ { "name": "Hacker News", "url": "{{Path.Combine(RepoPaths.Samples, "hackernews.xml").Replace("\\", "\\\\", StringComparison.Ordinal)}}" } ] }""");
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord:Token"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var time = new FakeTimeProvider(Now);
        var builder = BotHostApplication.CreateBuilder(forCli: true, time, values);
        builder.Services.AddBotHostCommands();
        builder.Services.AddSingleton<OfflineCommandRunner>();
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        await host.Services.GetRequiredService<CollectionRound>().CollectAllAsync(force: true, TestContext.Current.CancellationToken);
        return new CommandHarness(host, directory, time);
    }

    /// <summary>A typed line on the local pretend channel (what the `command` verb runs).</summary>
    public Task<OfflineCommandRunner.Reply> RunAsync(string line)
        => Services.GetRequiredService<OfflineCommandRunner>().RunAsync(line, TestContext.Current.CancellationToken);

    /// <summary>Runs the handler an interaction payload routes to, waiting out an explicit deferral as the dispatcher would.</summary>
    public async Task<CommandResponse> InvokeAsync(string payload)
    {
        var interaction = JsonSerializer.Deserialize(payload, InteractionsJsonContext.Default.Interaction)!;
        var ct = TestContext.Current.CancellationToken;
        CommandResponse response;
        if (interaction.Type == InteractionType.MessageComponent)
        {
            response = await Catalog.FindComponent(interaction.Data!.CustomId)!.HandleAsync(new ComponentContext(interaction), ct);
        }
        else
        {
            var command = Catalog.FindCommand(interaction.Data!.Name)!;
            var context = new CommandContext(interaction);
            response = interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? await command.AutocompleteAsync(context, ct)
                : await command.HandleAsync(context, ct);
        }

        return response is CommandResponse.DeferredResponse deferred ? await deferred.Work(ct) : response;
    }

    /// <summary>Every row of a table, column by column, to compare before and after.</summary>
    public async Task<string> DumpAsync(string table)
    {
        await using var connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
        var sb = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                sb.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
