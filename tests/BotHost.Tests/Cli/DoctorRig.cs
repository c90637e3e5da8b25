using BotHost.Cli;
using BotHost.Cli.Doctor;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Registration;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Cli;

/// <summary>
/// A healthy setup for `doctor` against the fake Discord: a server whose @everyone may only view, the bot added with
/// its invite link (so it may post only what the invite granted), a subscribed channel, a database the bot migrated
/// and registered its commands from. Tests break one thing and run the verb.
/// </summary>
public sealed class DoctorRig : IAsyncDisposable
{
    public const ulong Guild = 77;
    public const ulong Owner = 5;
    public const ulong Digests = 88;

    private DoctorRig(FakeDiscordServer discord, string directory, Dictionary<string, string?> settings)
    {
        Discord = discord;
        Directory = directory;
        Settings = settings;
    }

    public FakeDiscordServer Discord { get; }

    public string Directory { get; }

    public Dictionary<string, string?> Settings { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DoctorRig> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        discord.Rest.Guilds.AddGuild(Guild, Owner, everyonePermissions: 1 << 10, name: "Operators");
        discord.Rest.Guilds.AddChannel(Digests, Guild, "digests");
        discord.Rest.AcceptInvite(InviteUrlCommand.For(discord.Rest.Options.ApplicationId), Guild);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = SampleSources.Write(directory),
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord:Token"] = discord.Rest.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
        };

        // What the bot's first start leaves behind: the schema, its command registration, and a member's /subscribe.
        using (var host = DoctorCommand.BuildHost(settings))
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct);
            await host.Services.GetRequiredService<CommandRegistrar>().RegisterAsync(discord.Rest.Options.ApplicationId, Ct);
            await host.Services.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(Guild, Digests), new SubscriptionRequest(), Ct);
        }

        return new DoctorRig(discord, directory, settings);
    }

    /// <summary>Runs `doctor` with the rig's settings (and <paramref name="changes"/> on top).</summary>
    public async Task<CliRunner.Result> DoctorAsync(IDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await CliRunner.RunAsync(settings, "doctor");
    }

    /// <summary>Changes stored state through the same services doctor reads.</summary>
    public async Task WithServicesAsync(Func<IServiceProvider, Task> change)
    {
        using var host = DoctorCommand.BuildHost(Settings);
        await change(host.Services);
    }

    public async ValueTask DisposeAsync() => await Discord.DisposeAsync();
}
