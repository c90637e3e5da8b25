using System.CommandLine;
using BotHost.Core.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli;

/// <summary>`preview [--subscription …] [--format text|markdown|json]`: the next digest, from what is stored.</summary>
public static class PreviewCommand
{
    public static Command Create(CliConsole console)
    {
        var subscription = new Option<string?>("--subscription") { Description = "Preview for one channel subscription (subscriptions arrive with the Discord module)." };
        var format = new Option<DigestFormat>("--format") { Description = "text, markdown or json.", DefaultValueFactory = _ => DigestFormat.Text };
        var command = new Command("preview", "Render what the next digest would contain, from what is stored.");
        command.Options.Add(subscription);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(subscription) is { Length: > 0 } name)
            {
                return console.Fail($"no subscription named '{name}': no channel has subscribed yet. Run without --subscription to preview the default digest.");
            }

            try
            {
                using var host = await CliServices.BuildWithDatabaseAsync(ct);
                var digest = await host.Services.GetRequiredService<DigestComposer>().ComposeAsync(ct);
                await console.Out.WriteLineAsync(host.Services.GetRequiredService<DigestRenderer>().Render(digest, parse.GetValue(format)));
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
