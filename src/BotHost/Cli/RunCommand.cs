using System.CommandLine;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Cli;

/// <summary>`run`: the bot itself, until Ctrl+C (exit code 0) or a start-up error (exit code 2 with the reason).</summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("run", "Run the bot (the default). Without Discord:Token it runs offline on the sample feeds and prints to the console.");
        command.SetAction((_, ct) => RunAsync(console, ct));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BotHostApplication.CreateBuilder(forCli: false).Build();
            // RunAsync disposes the host when it stops, so take the exit code holder first.
            var exitCode = host.Services.GetRequiredService<ExitCodeRequest>();
            await host.RunAsync(cancellationToken);
            return exitCode.Code;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            return console.Fail(message, 2);
        }
    }
}
