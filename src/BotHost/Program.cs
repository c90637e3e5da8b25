using BotHost.Cli;

return await BotHostCli.InvokeAsync(args, Console.Out, Console.Error);
