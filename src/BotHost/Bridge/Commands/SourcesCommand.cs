using BotHost.Bridge.Autocomplete;
using BotHost.Core.Sources;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Commands;

/// <summary>
/// /sources list|add|remove: every source with its health; with Sources:AllowGuildSources, members with Manage Server
/// add and remove this server's own feeds (fetched and checked before they are accepted).
/// </summary>
public sealed class SourcesCommand(SourcesListing listing, GuildSourceService guildSources, CommandSuggestions suggestions) : SlashCommand
{
    public override bool Ephemeral => true;

    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "sources",
        Description = "List the feeds BotHost follows and their health; admins may add their own.",
        Contexts = [0],
        Options =
        [
            OptionDefinitions.Subcommand("list", "Every source: ok since when, or failing since when and why."),
            OptionDefinitions.Subcommand("add", "Add a feed for this server (Manage Server).",
                OptionDefinitions.Text("url", "The feed's address (RSS, Atom, RDF or JSON Feed).", required: true, maxLength: 2048),
                OptionDefinitions.Text("name", "How it is shown (default: the feed's title).", maxLength: GuildSourceService.MaxNameLength),
                OptionDefinitions.Text("topics", "Keep only its items on these topics, comma-separated.", autocomplete: true)),
            OptionDefinitions.Subcommand("remove", "Remove a feed this server added (Manage Server).",
                OptionDefinitions.Text("source", "The source to remove.", autocomplete: true, required: true)),
        ],
    };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Subcommand is "add" or "remove")
        {
            if (context.GuildId is not { } guild)
            {
                return CommandResponse.Error("Use this command in a server channel, not in a direct message.");
            }

            if (!context.MemberHas(DiscordPermissions.ManageGuild))
            {
                return CommandResponse.Error("You need the Manage Server permission to change this server's sources.");
            }

            return context.Subcommand == "add"
                ? CommandResponse.Defer(ct => AddAsync(context, guild, ct), ephemeral: true)
                : Answer(await guildSources.RemoveAsync(guild, context.GetString("source") ?? "", cancellationToken), "Removed");
        }

        var (text, components) = await listing.PageAsync(context.GuildId, 0, cancellationToken);
        return CommandResponse.Message(text, embeds: null, components: components, ephemeral: true);
    }

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => suggestions.SuggestAsync(context, cancellationToken);

    private async Task<CommandResponse> AddAsync(CommandContext context, ulong guild, CancellationToken cancellationToken)
    {
        var result = await guildSources.AddAsync(guild, context.GetString("url") ?? "", context.GetString("name"), context.GetString("topics"), Invoker.Id(context), cancellationToken);
        return Answer(result, $"Added ({result.ItemCount} items read; collected from now on)");
    }

    private static CommandResponse Answer(GuildSourceResult result, string done)
        => result.Source is { } source
            ? CommandResponse.Message($"{done}: **{ChatMarkdown.Escape(source.Name)}** <{source.Url}>", ephemeral: true)
            : CommandResponse.Error(result.Error!);
}
