using System.CommandLine;
using BotHost.Bridge;
using BotHost.Core.Delivery;
using BotHost.Core.Storage;
using BotHost.Discord.Interactions.Commands;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Cli;

/// <summary>`command "/subscribe topics:backend time:09:00"`: runs a slash command offline against the local pretend channel.</summary>
public static class CommandVerb
{
    public static Command Create(CliConsole console)
    {
        var line = new Argument<string[]>("line") { Description = "The command as typed in Discord, e.g. \"/search query:sqlite\"; \"press <id>\" clicks a button it printed.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("command", "Run a BotHost slash command offline on a local pretend channel (no token, no Discord).");
        command.Arguments.Add(line);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var builder = BotHostApplication.CreateBuilder(forCli: true);
                builder.Services.AddBotHostCommands();
                builder.Services.AddSingleton<ISink>(new ConsoleSink(console.Out));
                builder.Services.AddSingleton<OfflineCommandRunner>();
                using var host = builder.Build();
                var typed = string.Join(' ', parse.GetValue(line) ?? []);
                if (!OfflineInteractionParser.TryParse(typed, host.Services.GetRequiredService<CommandCatalog>(), out _, out var error))
                {
                    return console.Fail(error);
                }

                await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                var reply = await host.Services.GetRequiredService<OfflineCommandRunner>().RunAsync(typed, ct);
                if (reply.ParseFailed)
                {
                    return console.Fail(reply.Text);
                }

                await console.Out.WriteLineAsync(OfflineCommandRunner.Format(reply));

                // /digest now queued a delivery: the console sink "posts" it before the verb exits.
                await host.Services.GetRequiredService<DeliveryDispatcher>().SendDueNowAsync(ct);
                return 0;
            }
            catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
            {
                return console.Fail(message, 2);
            }
        });
        return command;
    }
}
