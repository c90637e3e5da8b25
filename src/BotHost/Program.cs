Console.WriteLine("BotHost");
