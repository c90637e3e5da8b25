using BotHost.Testing.FakeDiscord;

// Runs the loopback fake Discord on its own, so the real bot process can be pointed at it by hand or by
// scripts/run-against-fake-discord.sh. Prints its URLs, then a status line whenever asked on stdin
// ("status") and once more at the end (stdin closed or "quit").
await using var server = await FakeDiscordServer.StartAsync();
server.Rest.Options.Token = Environment.GetEnvironmentVariable("FAKE_DISCORD_TOKEN") ?? server.Rest.Options.Token;
Console.WriteLine($"api={server.ApiBaseUri}");
Console.WriteLine($"gateway={server.GatewayUri}");
Console.Out.Flush();

while (Console.ReadLine() is { } line && line.Trim() != "quit")
{
    if (line.Trim() == "status")
    {
        PrintStatus(server);
    }
}

PrintStatus(server);

static void PrintStatus(FakeDiscordServer server)
{
    var registrations = server.InteractionRequests.Count(r => r.Route == FakeInteractionRoute.GlobalCommands);
    Console.WriteLine($"status identifies={server.Gateway.IdentifyCount} resumes={server.Gateway.ResumeCount} " +
                      $"connected={server.Gateway.IsConnected} global_command_registrations={registrations} " +
                      $"close_codes={string.Join(',', server.Gateway.ClientCloseCodes)}");
    Console.Out.Flush();
}
