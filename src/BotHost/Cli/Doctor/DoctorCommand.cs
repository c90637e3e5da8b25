using System.CommandLine;
using System.Globalization;
using BotHost.Bridge;
using BotHost.Bridge.Permissions;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Cli.Doctor;

/// <summary>
/// `doctor [--timeout seconds]`: one line per check, ✓ or ✗ with what to do: the token, the application id, the slash
/// command registration, the database and its schema, the sources file, and the bot's permissions in every subscribed
/// channel (paused subscriptions are listed with their reason). Exit code 1 when any line is ✗. Reads only: nothing is
/// created, upgraded, registered or posted.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var timeout = new Option<int>("--timeout") { Description = "Give up on the checks after this many seconds (default 60).", DefaultValueFactory = _ => 60 };
        var command = new Command("doctor", "Check the token, application, slash commands, database, sources file and the bot's permissions in subscribed channels.");
        command.Options.Add(timeout);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                return console.Fail($"--timeout must be a number of seconds greater than 0 (was {seconds}).");
            }

            try
            {
                using var host = BuildHost(console.Settings);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
                var failed = 0;
                try
                {
                    await foreach (var line in RunAsync(host.Services, deadline.Token))
                    {
                        failed += line.Mark == DoctorMark.Failed ? 1 : 0;
                        await console.Out.WriteLineAsync(line.ToString());
                    }
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    failed++;
                    await console.Out.WriteLineAsync(DoctorLine.Failed(
                        string.Create(CultureInfo.InvariantCulture, $"the checks did not finish within {seconds} s"),
                        "Discord or the database answered too slowly: run doctor again, or give it longer with --timeout").ToString());
                }

                await console.Out.WriteLineAsync(failed == 0 ? "All checks passed." : $"{failed} problem{(failed == 1 ? "" : "s")} found.");
                return failed == 0 ? 0 : 1;
            }
            catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
            {
                return console.Fail(message, 2);
            }
        });
        return command;
    }

    /// <summary>The host's services plus what the checks read: the REST client, the command registrar and its store, the access checker.</summary>
    internal static IHost BuildHost(IReadOnlyDictionary<string, string?>? settings) => CliServices.BuildWithDiscord(settings, services =>
    {
        services.AddBotHostCommands();
        services.AddSingleton<ICommandRegistrationStore, CommandRegistrationStore>();
        services.AddDiscordInteractions();
        services.AddSingleton<ChannelAccessChecker>();
    });

    /// <summary>The checks in order; a check that needs an earlier one to pass says it was not checked.</summary>
    internal static async IAsyncEnumerable<DoctorLine> RunAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var discord = new DiscordChecks(services);
        var (token, tokenValid) = await discord.TokenAsync(cancellationToken);
        yield return token;
        ulong? applicationId = null;
        if (tokenValid)
        {
            (var application, applicationId) = await discord.ApplicationAsync(cancellationToken);
            yield return application;
        }

        var (database, databaseUsable) = await LocalChecks.DatabaseAsync(services, cancellationToken);
        yield return database;
        if (applicationId is { } app && databaseUsable)
        {
            foreach (var line in await discord.CommandsAsync(app, cancellationToken))
            {
                yield return line;
            }
        }
        else
        {
            yield return DoctorLine.Skipped("slash command registration not checked: it needs the token, the application id and the database");
        }

        yield return LocalChecks.Sources(services);
        if (tokenValid && databaseUsable)
        {
            await foreach (var line in ChannelChecks.RunAsync(services, cancellationToken))
            {
                yield return line;
            }
        }
        else
        {
            yield return DoctorLine.Skipped("subscribed channels not checked: it needs a valid token and the database");
        }
    }
}
