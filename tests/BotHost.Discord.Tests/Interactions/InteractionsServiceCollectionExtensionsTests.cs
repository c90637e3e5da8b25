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

    [Theory]
    [InlineData("AcknowledgeAfter", "00:00:00")]
    [InlineData("AcknowledgeAfter", "00:00:03")]
    [InlineData("AutocompleteWithin", "00:00:03.5")]
    [InlineData("MaxConcurrentHandlers", "0")]
    [InlineData("MaxConcurrentHandlers", "257")]
    public async Task DispatcherOptions_WhenOutOfRange_FailNamingTheKey(string key, string value)
    {
        await using var provider = Services(enabled: false, publicKey: null, new() { [$"Discord:Interactions:{key}"] = value }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InteractionDispatcherOptions>>().Value);

        Assert.Contains($"Discord:Interactions:{key} must be between", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatcherOptions_ByDefault_BudgetFiftyMillisecondsAndTwoSlotsPerProcessor()
    {
        await using var provider = Services(enabled: false, publicKey: null).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<InteractionDispatcherOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(50), options.AcknowledgeAfter);
        Assert.Equal(2 * Environment.ProcessorCount, options.MaxConcurrentHandlers);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AutocompleteWithin);
    }

    private static ServiceCollection Services(bool enabled, string? publicKey, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
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
