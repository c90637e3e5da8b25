using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Operations;

public sealed class LoggingConfigurationTests
{
    [Fact]
    public void Run_WithTheJsonFormatterAndPerCategoryLevels_TakesBothFromConfiguration()
    {
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Discord:Token"] = "",
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:LogLevel:BotHost.Core.Collecting"] = "Debug",
            ["Logging:LogLevel:BotHost.Core.Delivery"] = "Error",
        });
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.Equal("json", host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(loggers.CreateLogger("BotHost.Core.Collecting.SourceCollector").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("BotHost.Core.Delivery.DeliverySender").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("BotHost.Core.Stories.StoryClusterer").IsEnabled(LogLevel.Debug));
    }
}
