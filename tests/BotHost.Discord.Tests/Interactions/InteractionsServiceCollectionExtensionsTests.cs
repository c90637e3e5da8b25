using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDiscordInteractions_ResolvesDispatcherAndRegistrarWithRegisteredCommands()
    {
        await using var provider = Services(enabled: false, publicKey: null).BuildServiceProvider();

        var catalog = provider.GetRequiredService<CommandCatalog>();
        var registrar = provider.GetService<CommandRegistrar>();
        var dispatcher = provider.GetService<InteractionDispatcher>();

        Assert.NotNull(catalog.FindCommand("echo"));
        Assert.NotNull(registrar);
        Assert.NotNull(dispatcher);
        Assert.IsType<RestInteractionApi>(provider.GetRequiredService<IInteractionApi>());
    }

    [Fact]
    public async Task Options_WhenEndpointEnabledWithoutPublicKey_FailsNamingTheKey()
    {
        await using var provider = Services(enabled: true, publicKey: "").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:InteractionsEndpoint:PublicKey", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(bool enabled, string? publicKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.Configure<DiscordOptions>(o =>
        {
            o.Token = "test-bot-token";
            o.InteractionsEndpoint.Enabled = enabled;
            o.InteractionsEndpoint.PublicKey = publicKey;
        });
        services.AddSingleton<ICommandRegistrationStore, InMemoryCommandRegistrationStore>();
        services.AddSingleton<SlashCommand, EchoCommand>();
        services.AddDiscordInteractions();
        return services;
    }
}
