using System.Reflection;
using BotHost.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_AcrossTheDiscordAssembly_UseDistinctEventIds()
    {
        var messages = typeof(InteractionDispatcher).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        var clashes = messages
            .GroupBy(x => x.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method.DeclaringType!.Name + "." + x.Method.Name))}")
            .ToList();

        Assert.NotEmpty(messages);
        Assert.Empty(clashes);
    }
}
