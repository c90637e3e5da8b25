using System.Text.Json.Nodes;
using BotHost.Bridge.Commands;
using BotHost.Core.Collecting;
using BotHost.Core.Picks;
using BotHost.Core.Sources;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Tests.Bridge.InteractionJson;

namespace BotHost.Tests.Bridge;

public sealed class StoryCommandsTests
{
    private const string TrackedHnLink = "https://dev.to/ayesha/event-driven-architecture-event-sourcing-cqrs-and-the-outbox-pattern-explained-3f0?utm_source=twitter&utm_campaign=launch&fbclid=abc";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AnswersPrivatelyBestFirst_WithAShareButtonThatPostsPublicly()
    {
        await using var harness = await CommandHarness.StartAsync();

        var found = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "search", Options(Option("query", "write-ahead")))));
        var button = found.Components![0].GetProperty("components")[0];
        var shared = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Button(2, "t", button.GetProperty("custom_id").GetString()!)));

        Assert.True(found.Ephemeral);
        Assert.StartsWith("**1 story matches**\n1. **[SQLite's write-ahead log, explained with diagrams]", found.Content, StringComparison.Ordinal);
        Assert.Equal("Share in channel", button.GetProperty("label").GetString());
        Assert.False(shared.Ephemeral);
        Assert.StartsWith("**ada shared a story from a search**\n1. **[SQLite's write-ahead log", shared.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unclosed", "Your search has a \" with no closing quote")]
    [InlineData("zebra crossing", "No stories match zebra crossing.")]
    [InlineData("sqlite OR", "OR needs a word on each side, e.g. sqlite OR postgres.")]
    public async Task Search_SyntaxErrorsAndEmptyResults_GetAFriendlyPrivateAnswer(string query, string expected)
    {
        await using var harness = await CommandHarness.StartAsync();

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "search", Options(Option("query", query)))));

        Assert.True(answer.Ephemeral);
        Assert.Contains(expected, answer.Content, StringComparison.Ordinal);
        Assert.Null(answer.Components);
    }

    [Fact]
    public async Task Latest_ByTopic_ListsOnlyThatTopic_AndABadSinceOnSearchSaysWhatToType()
    {
        await using var harness = await CommandHarness.StartAsync();

        var latest = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "latest", Options(Option("topic", "databases")))));
        var since = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "search", Options(Option("query", "sqlite"), Option("since", "yesterday")))));

        Assert.StartsWith("**Latest 3 stories on databases**\n", latest.Content, StringComparison.Ordinal);
        Assert.Contains("SQLite's write-ahead log", latest.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Excel Cells", latest.Content, StringComparison.Ordinal);
        Assert.Equal("since must be a duration like 24h, 7d or 2w, or a date like 2026-11-25; you typed 'yesterday'.", since.Content);
    }

    [Fact]
    public async Task SearchAndLatest_InAnotherServer_NeverShowAServersOwnFeed()
    {
        const ulong owner = 999;
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/feed", LoopbackResponse.Text("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Zeppelin Crew</title>
            <item><guid>z1</guid><title>Zeppelin hangar maintenance log for the crew</title><link>https://zeppelin.example/hangar</link></item>
            </channel></rss>
            """));
        await using var harness = await CommandHarness.StartAsync(new Dictionary<string, string?> { ["Sources:AllowGuildSources"] = "true", ["Feeds:AllowPrivateAddresses"] = "true" });
        var added = await harness.Services.GetRequiredService<GuildSourceService>().AddAsync(owner, server.Url("/feed").ToString(), null, null, 5, Ct);
        await ActivatorUtilities.CreateInstance<GuildSourceCollector>(harness.Services).CollectDueAsync(TimeSpan.FromMinutes(15), Ct);

        var ownSearch = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "search", Options(Option("query", "zeppelin")), guild: owner)));
        var ownLatest = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "latest", Options(Option("count", 20, type: 4)), guild: owner)));
        var otherSearch = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(3, "t", "search", Options(Option("query", "zeppelin")))));
        var otherLatest = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(4, "t", "latest", Options(Option("count", 20, type: 4)))));
        var ownButton = ownSearch.Components![0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
        var sharedElsewhere = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Button(5, "t", ownButton)));

        Assert.True(added.Succeeded, added.Error);
        Assert.StartsWith("**1 story matches**\n1. **[Zeppelin hangar maintenance log", ownSearch.Content, StringComparison.Ordinal);
        Assert.Contains("Zeppelin Crew", ownSearch.Content, StringComparison.Ordinal);
        Assert.Contains("Zeppelin hangar maintenance log", ownLatest.Content, StringComparison.Ordinal);
        Assert.StartsWith("No stories match zeppelin.", otherSearch.Content, StringComparison.Ordinal);
        Assert.StartsWith("**Latest ", otherLatest.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Zeppelin", otherLatest.Content, StringComparison.Ordinal);
        Assert.Equal("Those stories are no longer stored; search again.", sharedElsewhere.Content);
    }

    [Fact]
    public async Task Share_OfATrackedLinkTheFeedBroughtIn_SaysAlreadyCollectedAndMarksAPick()
    {
        await using var harness = await CommandHarness.StartAsync();

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "share", Options(Option("url", TrackedHnLink), Option("note", "the clearest outbox write-up")))));
        var again = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "share", Options(Option("url", TrackedHnLink)))));

        Assert.StartsWith("Already collected from Hacker News on 2026-11-25: **Event-Driven Architecture", answer.Content, StringComparison.Ordinal);
        Assert.EndsWith("Marked as a pick for the next digest here (picked by ada).", answer.Content, StringComparison.Ordinal);
        Assert.Contains("is already a pick here (picked by ada on 2026-11-25); nothing changed.", again.Content, StringComparison.Ordinal);
        var pick = Assert.Single(await harness.Services.GetRequiredService<CuratorPickStore>().PicksForChannelAsync(new ChannelKey(Guild, Channel), CommandHarness.Now.AddDays(-1), Ct));
        Assert.Equal(("ada", "the clearest outbox write-up"), (pick.PickedByName, pick.Note));
    }

    [Fact]
    public async Task Share_WhenTheChannelRestrictsSharingToARole_RefusesOthers()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe", Options(Option("share-role", "555", type: 8))));

        var refused = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "share", Options(Option("url", TrackedHnLink)))));
        var allowed = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(3, "t", "share", Options(Option("url", TrackedHnLink)), roles: ["555"])));

        Assert.Equal("Only members with <@&555> may share into this channel; ask one of them.", refused.Content);
        Assert.StartsWith("Already collected from Hacker News", allowed.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareToDigest_SharesTheFirstLinkOfTheMessageAndCountsTheOthers()
    {
        await using var harness = await CommandHarness.StartAsync();
        var resolved = new JsonObject
        {
            ["messages"] = new JsonObject
            {
                ["4242"] = new JsonObject { ["id"] = "4242", ["content"] = $"read this: {TrackedHnLink} and https://example.org/other." },
            },
        };
        var payload = Slash(1, "t", ShareMessageCommand.CommandName, resolved: resolved).Replace("\"type\":1,\"options\":[]", "\"type\":3,\"target_id\":\"4242\"", StringComparison.Ordinal);

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(payload));

        Assert.StartsWith("Already collected from Hacker News", answer.Content, StringComparison.Ordinal);
        Assert.EndsWith("(The message has 1 more link; /share url: shares another.)", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_ListsEachSourcesHealth()
    {
        await using var harness = await CommandHarness.StartAsync();

        var list = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "sources",
            Options(new JsonObject { ["name"] = "list", ["type"] = 1, ["options"] = new JsonArray() }))));

        Assert.Equal("**1 sources**\n**Hacker News** — ok, last success 2026-11-25 06:00 UTC", list.Content);
    }

    [Fact]
    public async Task Help_NamesEveryChatCommandWithAnExample()
    {
        await using var harness = await CommandHarness.StartAsync();

        var help = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "help")));

        var names = harness.Catalog.Commands.Where(c => c.Definition.Type == Discord.Interactions.Models.ApplicationCommandType.ChatInput && c.Definition.Name is not ("preview" or "help"))
            .Select(c => c.Definition.Name).Concat(["digest", "explain"]);
        Assert.All(names, name => Assert.Contains($"`/{name}", help.Content, StringComparison.Ordinal));
        Assert.Contains("Share to digest", help.Content, StringComparison.Ordinal);
        Assert.True(help.Content!.Length <= 2000);
    }
}
