using BotHost.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDiscordGateway_RegistersOneClientAsHostedServiceWithBoundOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Gateway:KeepSessionOnStop"] = "true" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IGatewayInfoSource>(new StubGatewayInfoSource(new GatewayBotInfo("ws://127.0.0.1:9", 1, new SessionStartLimit(1000, 1000, 0, 1)), TimeProvider.System));
        services.AddOptions<DiscordOptions>();

        services.AddDiscordGateway();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GatewayClient>();
        Assert.Same(client, provider.GetServices<IHostedService>().Single());
        Assert.True(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.KeepSessionOnStop);
    }
}
