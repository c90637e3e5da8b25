using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Interactions.Registration;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Tests.Interactions;

public sealed class CommandRegistrarTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_WhenRunTwiceWithSameDefinitions_PutsOnce()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var store = new InMemoryCommandRegistrationStore();

        var first = await Registrar(rig, store, new EchoCommand(), new TopicCommand()).RegisterAsync(Ct);
        var second = await Registrar(rig, store, new TopicCommand(), new EchoCommand()).RegisterAsync(Ct);

        Assert.True(first.GlobalUpdated);
        Assert.False(second.GlobalUpdated);
        Assert.Equal(first.Hash, second.Hash);
        var put = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal(FakeInteractionRoute.GlobalCommands, put.Route);
        Assert.Equal($"/api/v10/applications/{InteractionBuilder.ApplicationId}/commands", put.Path);
        Assert.Equal("Bot test-bot-token", put.Authorization);
        Assert.Equal(["echo", "topic"], put.Body.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Register_WhenDefinitionsChange_PutsAgain()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var store = new InMemoryCommandRegistrationStore();
        await Registrar(rig, store, new EchoCommand()).RegisterAsync(Ct);

        var changed = await Registrar(rig, store, new EchoCommand(), new TopicCommand()).RegisterAsync(Ct);

        Assert.True(changed.GlobalUpdated);
        Assert.Equal(2, rig.Server.InteractionRequests.Count(r => r.Route == FakeInteractionRoute.GlobalCommands));
        Assert.Equal(2, rig.Server.InteractionRequests[^1].Body.GetArrayLength());
    }

    [Fact]
    public async Task Register_WithDevGuild_AlsoOverwritesGuildCommandsWithoutContexts()
    {
        await using var rig = await InteractionTestRig.StartAsync(devGuildId: 555);
        var store = new InMemoryCommandRegistrationStore();
        var command = new DefinedCommand(new ApplicationCommandDefinition
        {
            Name = "subscribe",
            Description = "Subscribe this channel",
            DefaultMemberPermissions = 1UL << 5,
            Contexts = [0],
        });

        var result = await Registrar(rig, store, command).RegisterAsync(Ct);
        var again = await Registrar(rig, store, command).RegisterAsync(Ct);

        Assert.True(result.GuildUpdated);
        Assert.False(again.GuildUpdated);
        var guildPut = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.GuildCommands);
        Assert.Equal($"/api/v10/applications/{InteractionBuilder.ApplicationId}/guilds/555/commands", guildPut.Path);
        Assert.False(guildPut.Body[0].TryGetProperty("contexts", out _));
        var globalPut = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.GlobalCommands);
        Assert.Equal("32", globalPut.Body[0].GetProperty("default_member_permissions").GetString());
        Assert.Equal(0, globalPut.Body[0].GetProperty("contexts")[0].GetInt32());
    }

    [Fact]
    public async Task Register_WhenDefinitionInvalid_ThrowsBeforeAnyRequest()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var bad = new DefinedCommand(new ApplicationCommandDefinition { Name = "Bad Name", Description = "x" });

        var error = await Assert.ThrowsAsync<InvalidCommandDefinitionException>(
            () => Registrar(rig, new InMemoryCommandRegistrationStore(), bad).RegisterAsync(Ct));

        Assert.Equal("Bad Name", error.Command);
        Assert.Empty(rig.Server.InteractionRequests);
    }

    [Fact]
    public void ComputeHash_IgnoresDeclarationOrderButNotContent()
    {
        var echo = new EchoCommand().Definition;
        var topic = new TopicCommand().Definition;

        var forward = CommandRegistrar.ComputeHash([echo, topic]);
        var backward = CommandRegistrar.ComputeHash([topic, echo]);
        var edited = CommandRegistrar.ComputeHash([echo, topic with { Description = "Picks a topic!" }]);

        Assert.Equal(forward, backward);
        Assert.NotEqual(forward, edited);
        Assert.Matches("^[0-9a-f]{64}$", forward);
    }

    private static CommandRegistrar Registrar(InteractionTestRig rig, InMemoryCommandRegistrationStore store, params SlashCommand[] commands)
        => new(new CommandCatalog(commands, []), rig.Api, store, Options.Create(rig.Options), NullLogger<CommandRegistrar>.Instance);

    private sealed class DefinedCommand(ApplicationCommandDefinition definition) : SlashCommand
    {
        public override ApplicationCommandDefinition Definition => definition;

        public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
            => Task.FromResult(CommandResponse.Message("ok"));
    }
}
