using System.Text.Json.Nodes;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Tests.Bridge.InteractionJson;

namespace BotHost.Tests.Bridge;

public sealed class SubscriptionCommandsTests
{
    private static readonly ChannelKey Here = new(Guild, Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_WithNoOptions_StoresTheDefaultsAndAnswersPrivatelyWithTheNextDelivery()
    {
        await using var harness = await CommandHarness.StartAsync();

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "subscribe")));

        Assert.True(answer.Ephemeral);
        Assert.StartsWith("Subscribed <#88>.\n**default** in <#88>: daily at 09:00 (UTC)", answer.Content, StringComparison.Ordinal);
        Assert.Contains("Topics: all · Sources: all · 10 stories per digest", answer.Content, StringComparison.Ordinal);
        Assert.Contains("Next delivery: Wed 2026-11-25 09:00 UTC (in 3 h 0 min)", answer.Content, StringComparison.Ordinal);
        var stored = Assert.Single(await harness.Services.GetRequiredService<SubscriptionStore>().ListForChannelAsync(Here, Ct));
        Assert.Equal(5UL, stored.CreatedBy);
    }

    [Fact]
    public async Task Subscribe_ShowsTheNextDeliveryInTheChannelsZone_AndRunningAgainUpdates()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe", Options(Option("topics", "backend, ai"), Option("timezone", "europe/berlin"))));

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "subscribe", Options(Option("time", "08:30"), Option("size", 5, type: 4)))));

        Assert.StartsWith("Updated <#88>.", answer.Content, StringComparison.Ordinal);
        Assert.Contains("daily at 08:30 (Europe/Berlin)", answer.Content, StringComparison.Ordinal);
        Assert.Contains("Topics: backend, ai", answer.Content, StringComparison.Ordinal);
        Assert.Contains("Next delivery: Wed 2026-11-25 08:30 Europe/Berlin (in 1 h 30 min)", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_WithoutManageChannels_IsRefusedEvenThoughDiscordLetItThrough()
    {
        await using var harness = await CommandHarness.StartAsync();

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "subscribe", memberPermissions: 1 << 11)));

        Assert.True(answer.Ephemeral);
        Assert.StartsWith("You need the Manage Channels permission in <#88>", answer.Content, StringComparison.Ordinal);
        Assert.Equal("", await harness.DumpAsync("subscriptions"));
    }

    [Theory]
    [InlineData((1 << 10) | (1 << 14), "I can't post in <#88>: I'm missing Send Messages — ask an admin to allow them.")]
    [InlineData((1 << 10) | (1 << 11), "I can't post in <#88>: I'm missing Embed Links — ask an admin to allow them.")]
    [InlineData(1 << 10, "I can't post in <#88>: I'm missing Send Messages / Embed Links — ask an admin to allow them.")]
    public async Task Subscribe_WhereTheBotCannotPost_IsRefusedAndStoresNothing(ulong appPermissions, string expected)
    {
        await using var harness = await CommandHarness.StartAsync();

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(1, "t", "subscribe", appPermissions: appPermissions)));

        Assert.True(answer.Ephemeral);
        Assert.Equal(expected, answer.Content);
        Assert.Equal("", await harness.DumpAsync("subscriptions"));
    }

    [Fact]
    public async Task Subscribe_OtherChannelOption_UsesThePermissionsResolvedForThatChannel()
    {
        await using var harness = await CommandHarness.StartAsync();
        var picked = new JsonObject
        {
            ["channels"] = new JsonObject
            {
                ["99"] = new JsonObject { ["id"] = "99", ["name"] = "news", ["type"] = 0, ["guild_id"] = "77", ["permissions"] = "16", ["app_permissions"] = "3072" },
            },
        };

        var answer = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(
            Slash(1, "t", "subscribe", Options(Option("channel", "99", type: 7)), memberPermissions: 0, resolved: picked)));

        Assert.Equal("I can't post in <#99>: I'm missing Embed Links — ask an admin to allow them.", answer.Content);
    }

    [Fact]
    public async Task Unsubscribe_AsksFirst_AndTheRemoveButtonRemoves()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe"));

        var question = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "unsubscribe")));
        var stillThere = await harness.DumpAsync("subscriptions");
        var keep = Assert.IsType<CommandResponse.UpdateResponse>(await harness.InvokeAsync(Button(3, "t", "unsub:keep")));
        var refused = Assert.IsType<CommandResponse.UpdateResponse>(await harness.InvokeAsync(Button(4, "t", "unsub:remove:88:default", memberPermissions: 0)));
        var removed = Assert.IsType<CommandResponse.UpdateResponse>(await harness.InvokeAsync(Button(5, "t", "unsub:remove:88:default")));

        Assert.StartsWith("Remove this subscription?", question.Content, StringComparison.Ordinal);
        Assert.Contains("unsub:remove:88:default", question.Components![0].GetRawText(), StringComparison.Ordinal);
        Assert.NotEqual("", stillThere);
        Assert.Equal("Kept it; nothing was removed.", keep.Content);
        Assert.Contains("Manage Channels", refused.Content, StringComparison.Ordinal);
        Assert.Equal("Removed **default** from <#88>; no more digests from it.", removed.Content);
        Assert.Empty(removed.Components!);
        Assert.Equal("", await harness.DumpAsync("subscriptions"));
    }

    [Fact]
    public async Task SubscriptionShow_IsForEveryone_PauseNeedsManageChannels_AndResumeClearsTheReason()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe"));
        static JsonArray Sub(string name, params JsonObject[] options) => Options(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = Options(options) });

        var shownToMember = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(2, "t", "subscription", Sub("show"), memberPermissions: 0)));
        var pauseByMember = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(3, "t", "subscription", Sub("pause", Option("reason", "holidays")), memberPermissions: 0)));
        var paused = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(4, "t", "subscription", Sub("pause", Option("reason", "holidays")))));
        var resumed = Assert.IsType<CommandResponse.MessageResponse>(await harness.InvokeAsync(Slash(5, "t", "subscription", Sub("resume"))));

        Assert.Contains("**default** in <#88>: daily at 09:00 (UTC)", shownToMember.Content, StringComparison.Ordinal);
        Assert.StartsWith("You need the Manage Channels permission", pauseByMember.Content, StringComparison.Ordinal);
        Assert.Contains(@"Paused: holidays \(paused by ada\)", paused.Content, StringComparison.Ordinal);
        Assert.Contains("Next delivery:", resumed.Content, StringComparison.Ordinal);
        Assert.False(Assert.Single(await harness.Services.GetRequiredService<SubscriptionStore>().ListForChannelAsync(Here, Ct)).Paused);
    }

    [Fact]
    public async Task Autocomplete_TimeZonesTopicListsAndSubscriptionNames()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.InvokeAsync(Slash(1, "t", "subscribe", Options(Option("name", "backend-daily"))));

        var zones = Assert.IsType<CommandResponse.AutocompleteResponse>(await harness.InvokeAsync(Slash(2, "t", "subscribe", Options(Option("timezone", "berl", focused: true)), type: 4)));
        var topics = Assert.IsType<CommandResponse.AutocompleteResponse>(await harness.InvokeAsync(Slash(3, "t", "subscribe", Options(Option("topics", "backend, a", focused: true)), type: 4)));
        var names = Assert.IsType<CommandResponse.AutocompleteResponse>(await harness.InvokeAsync(Slash(4, "t", "unsubscribe", Options(Option("name", "back", focused: true)), type: 4)));

        Assert.Equal("Europe/Berlin", zones.Suggestions[0].Name);
        Assert.Equal(["backend, ai", "backend, architecture"], topics.Suggestions.Take(2).Select(c => c.Name));
        Assert.DoesNotContain(topics.Suggestions, c => c.Name.EndsWith("backend", StringComparison.Ordinal));
        Assert.Equal(["backend-daily"], names.Suggestions.Select(c => c.Name));
    }
}
