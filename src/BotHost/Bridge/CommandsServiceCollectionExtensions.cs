using BotHost.Bridge.Autocomplete;
using BotHost.Bridge.Commands;
using BotHost.Bridge.Components;
using BotHost.Discord.Interactions.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotHost.Bridge;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// BotHost's slash commands, message command and button handlers, with the catalog that routes to them. Both the
    /// Discord bridge and the offline `command` verb use this one registration, so they run the same handlers.
    /// </summary>
    public static IServiceCollection AddBotHostCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<CommandSuggestions>();
        services.TryAddSingleton<SourcesListing>();
        services.TryAddSingleton<ShareReply>();
        services.AddSingleton<SlashCommand, SubscribeCommand>();
        services.AddSingleton<SlashCommand, UnsubscribeCommand>();
        services.AddSingleton<SlashCommand, SubscriptionCommand>();
        services.AddSingleton<SlashCommand, SearchCommand>();
        services.AddSingleton<SlashCommand, LatestCommand>();
        services.AddSingleton<SlashCommand, TopicsCommand>();
        services.AddSingleton<SlashCommand, SourcesCommand>();
        services.AddSingleton<SlashCommand, ShareCommand>();
        services.AddSingleton<SlashCommand, ShareMessageCommand>();
        services.AddSingleton<SlashCommand, HelpCommand>();
        services.AddSingleton<SlashCommand, DigestCommand>();
        services.AddSingleton<SlashCommand, ExplainCommand>();
        services.AddSingleton<ComponentHandler, UnsubscribeButtons>();
        services.AddSingleton<ComponentHandler, SearchShareButton>();
        services.AddSingleton<ComponentHandler, SourcesPageButtons>();
        services.AddSingleton<ComponentHandler, FeedbackButtons>();
        services.AddSingleton<ComponentHandler, DigestPreview>();
        services.TryAddSingleton<CommandCatalog>();
        return services;
    }
}
