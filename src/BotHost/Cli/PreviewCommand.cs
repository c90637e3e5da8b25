using System.CommandLine;
using System.Text.Json;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli;

/// <summary>`preview [--subscription name] [--json]`: what the local pretend channel's digest would post now, from what is stored.</summary>
public static class PreviewCommand
{
    public static Command Create(CliConsole console)
    {
        var subscription = new Option<string?>("--subscription") { Description = "Which subscription of the local pretend channel (default: its only one)." };
        var json = new Option<bool>("--json") { Description = "Print the rendered messages as JSON." };
        var command = new Command("preview", "Render what the local pretend channel's next digest would post, from what is stored.");
        command.Options.Add(subscription);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var host = await CliServices.BuildWithDatabaseAsync(ct);
                var found = await host.Services.GetRequiredService<SubscriptionService>().FindAsync(ChannelKey.Local, parse.GetValue(subscription), ct);
                if (found.Subscription is not { } chosen)
                {
                    return console.Fail($"{found.Error} Run the bot offline once (`dotnet run --project src/BotHost`) to create the local channel's default subscription.");
                }

                var preview = await host.Services.GetRequiredService<DigestRunner>().PreviewAsync(chosen, ct);
                if (parse.GetValue(json))
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(preview.Parts, CliJsonContext.Default.IReadOnlyListDigestPart));
                }
                else if (preview.Parts.Count == 0)
                {
                    await console.Out.WriteLineAsync("The next digest would be empty: no new stories since the last one.");
                }
                else
                {
                    foreach (var part in preview.Parts)
                    {
                        await console.Out.WriteAsync(DigestConsoleText.Render(ChannelKey.Local, part));
                    }
                }

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
