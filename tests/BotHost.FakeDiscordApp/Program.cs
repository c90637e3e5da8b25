using System.Globalization;
using BotHost.Testing.FakeDiscord;

// Runs the loopback fake Discord on its own, so the real bot process can be pointed at it by hand or by the scripts
// in scripts/. Prints its URLs, then answers one line per command read on stdin:
//   status                                    identifies, resumes, registrations, close codes
//   server <guild> <channel> <name>           a new server (you own it; @everyone may only view) with one text channel,
//                                             where the bot may post only what its invite granted
//   invite <url> <guild>                      accept the bot's invite link there, as a server admin does
//   slash <guild> <channel> <command> [sub] [options-json]   use a slash command there; prints the bot's answer
//   messages <channel> <count>                wait (30 s at most) until the bot posted that many messages there
//   quit                                      (or end of input) print the status once more and stop
await using var server = await FakeDiscordServer.StartAsync();
server.Rest.Options.Token = Environment.GetEnvironmentVariable("FAKE_DISCORD_TOKEN") ?? server.Rest.Options.Token;
Console.WriteLine($"api={server.ApiBaseUri}");
Console.WriteLine($"gateway={server.GatewayUri}");
Console.Out.Flush();

const ulong You = 5;
while (Console.ReadLine() is { } line && line.Trim() != "quit")
{
    var words = line.Trim().Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
    try
    {
        switch (words)
        {
            case ["status"]:
                PrintStatus(server);
                break;
            case ["server", var guild, var channel, var name]:
                server.Rest.Guilds.AddGuild(Id(guild), You, everyonePermissions: 1UL << 10, name: "Your server");
                server.Rest.Guilds.AddChannel(Id(channel), Id(guild), name);
                server.Rest.Guilds.EnforcePermissions = true;
                Console.WriteLine($"server {guild}: #{name} ({channel}); @everyone may view only");
                break;
            case ["invite", var url, var guild]:
                Console.WriteLine($"invite accepted: the bot joined server {guild} with permissions {server.Rest.AcceptInvite(url, Id(guild))}");
                break;
            case ["slash", var guild, var channel, var command, ..]:
                var sub = words.Length > 4 && !words[4].StartsWith('[') ? words[4] : null;
                var options = words.Length > 4 && words[^1].StartsWith('[') ? words[^1] : "[]";
                var answer = await server.UseSlashCommandAsync(Id(guild), Id(channel), You, command, sub, options);
                Console.WriteLine("answer: " + answer.Replace("\n", " | ", StringComparison.Ordinal));
                break;
            case ["messages", var channel, var count]:
                var wanted = int.Parse(count, CultureInfo.InvariantCulture);
                await server.Rest.WaitUntilAsync(r => r.Messages.Count(m => m.ChannelId == Id(channel) && !m.Deleted) >= wanted, TimeSpan.FromSeconds(30));
                var posted = server.Rest.Messages.Where(m => m.ChannelId == Id(channel) && !m.Deleted).ToList();
                Console.WriteLine($"messages in {channel}: {posted.Count}, first: {posted[0].Json["content"]}");
                break;
            default:
                Console.WriteLine($"error: unknown command '{line}'");
                break;
        }
    }
    catch (Exception ex) when (ex is InvalidOperationException or FormatException or TimeoutException or KeyNotFoundException)
    {
        Console.WriteLine($"error: {ex.Message}");
    }

    Console.Out.Flush();
}

PrintStatus(server);

static ulong Id(string text) => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

static void PrintStatus(FakeDiscordServer server)
{
    var registrations = server.InteractionRequests.Count(r => r.Route == FakeInteractionRoute.GlobalCommands);
    var intents = string.Join(',', server.Gateway.Identifies.Select(i => i.GetProperty("intents").GetInt32()));
    Console.WriteLine($"status identifies={server.Gateway.IdentifyCount} resumes={server.Gateway.ResumeCount} " +
                      $"connected={server.Gateway.IsConnected} global_command_registrations={registrations} " +
                      $"close_codes={string.Join(',', server.Gateway.ClientCloseCodes)} intents={intents}");
    Console.Out.Flush();
}
