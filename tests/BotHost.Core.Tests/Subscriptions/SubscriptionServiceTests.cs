using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Subscriptions;

public sealed class SubscriptionServiceTests
{
    private static readonly ChannelKey Channel = new(100, 200);
    private static readonly ChannelKey OtherGuildChannel = new(999, 200);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CoreTestHost Host, SubscriptionService Service, RecordingSubscriptionSchedule Schedule)> StartAsync()
    {
        var schedule = new RecordingSubscriptionSchedule();
        var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<ISubscriptionSchedule>(schedule));
        host.WriteTopics("""{ "topics": { "backend": ["api"], "ai": ["llm"] } }""");
        host.WriteSources(("Hacker News", "hn.xml"), ("Lobsters", "lobsters.xml"));
        return (host, host.Services.GetRequiredService<SubscriptionService>(), schedule);
    }

    [Fact]
    public async Task Subscribe_WithNoOptions_CreatesTheDefaultDailySubscriptionAndTellsTheSchedule()
    {
        var (host, service, schedule) = await StartAsync();
        await using var _ = host;

        var result = await service.SubscribeAsync(Channel, new SubscriptionRequest { RequestedBy = 5 }, Ct);

        Assert.True(result.Succeeded);
        Assert.True(result.Created);
        var stored = Assert.Single(await host.Services.GetRequiredService<SubscriptionStore>().ListForChannelAsync(Channel, Ct));
        Assert.Equal(result.Subscription, stored);
        Assert.Equal(("default", SubscriptionMode.Daily, new TimeOnly(9, 0), "UTC", 10), (stored.Name, stored.Mode, stored.DeliveryTime, stored.TimeZone, stored.Size));
        Assert.Empty(stored.Topics);
        Assert.Equal(5UL, stored.CreatedBy);
        Assert.Equal(CoreTestHost.Start, stored.CreatedAt);
        Assert.Equal([$"changed {stored.Id} default paused=False"], schedule.Calls);
    }

    [Fact]
    public async Task Subscribe_Again_UpdatesOnlyTheGivenOptionsAndKeepsIdAndCreation()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;
        var first = await service.SubscribeAsync(Channel, new SubscriptionRequest { Topics = "backend", TimeZone = "Europe/Berlin" }, Ct);
        host.Time.Advance(TimeSpan.FromHours(1));

        var second = await service.SubscribeAsync(Channel, new SubscriptionRequest { Time = "07:15", Size = 5 }, Ct);

        Assert.False(second.Created);
        var s = second.Subscription!;
        Assert.Equal(first.Subscription!.Id, s.Id);
        Assert.Equal(["backend"], s.Topics);
        Assert.Equal(("Europe/Berlin", new TimeOnly(7, 15), 5), (s.TimeZone, s.DeliveryTime, s.Size));
        Assert.Equal(CoreTestHost.Start, s.CreatedAt);
        Assert.Equal(CoreTestHost.Start.AddHours(1), s.UpdatedAt);
    }

    [Fact]
    public async Task Subscribe_WithSeveralMistakes_ListsEveryOneAndStoresNothing()
    {
        var (host, service, schedule) = await StartAsync();
        await using var _ = host;

        var result = await service.SubscribeAsync(Channel, new SubscriptionRequest { Time = "9am", TimeZone = "Mars/Olympus", Topics = "bakend", Size = 40 }, Ct);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Nothing was changed. Fix these and try again:", result.Error, StringComparison.Ordinal);
        Assert.Contains("• Time must be HH:MM, 24-hour; you typed 9am → try 09:00.", result.Error, StringComparison.Ordinal);
        Assert.Contains("• Unknown time zone 'Mars/Olympus'", result.Error, StringComparison.Ordinal);
        Assert.Contains("• Unknown topic 'bakend' (did you mean backend?)", result.Error, StringComparison.Ordinal);
        Assert.Contains("• Size must be between 1 and 25", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync("subscriptions"));
        Assert.Empty(schedule.Calls);
    }

    [Fact]
    public async Task Subscribe_WeekdayAlone_MakesItWeekly_WeekdayWithDaily_IsRefused()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;

        var weekly = await service.SubscribeAsync(Channel, new SubscriptionRequest { Weekday = "fri" }, Ct);
        var contradiction = await service.SubscribeAsync(Channel, new SubscriptionRequest { Mode = "daily", Weekday = "mon" }, Ct);
        var daily = await service.SubscribeAsync(Channel, new SubscriptionRequest { Mode = "daily" }, Ct);

        Assert.Equal((SubscriptionMode.Weekly, DayOfWeek.Friday), (weekly.Subscription!.Mode, weekly.Subscription.Weekday));
        Assert.Contains("only applies to weekly digests; you chose daily", contradiction.Error, StringComparison.Ordinal);
        Assert.Equal((SubscriptionMode.Daily, (DayOfWeek?)null), (daily.Subscription!.Mode, daily.Subscription.Weekday));
    }

    [Fact]
    public async Task Subscribe_SourcesAreCheckedAgainstTheConfiguredNames()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;

        var ok = await service.SubscribeAsync(Channel, new SubscriptionRequest { Sources = "hacker news, Lobsters" }, Ct);
        var typo = await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "other", Sources = "Hacker Nws" }, Ct);

        Assert.Equal(["Hacker News", "Lobsters"], ok.Subscription!.Sources);
        Assert.Equal("Unknown source 'Hacker Nws' (did you mean Hacker News?); see /sources for the list.", typo.Error);
    }

    [Fact]
    public async Task Subscribe_BeyondThePerChannelLimit_IsRefusedButUpdatesStillWork()
    {
        var schedule = new RecordingSubscriptionSchedule();
        await using var host = await CoreTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Subscriptions:MaxPerChannel"] = "2" },
            configure: s => s.AddSingleton<ISubscriptionSchedule>(schedule));
        var service = host.Services.GetRequiredService<SubscriptionService>();
        await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "a" }, Ct);
        await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "b" }, Ct);

        var third = await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "c" }, Ct);
        var update = await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "b", Time = "10:00" }, Ct);

        Assert.Contains("already has 2 subscriptions", third.Error, StringComparison.Ordinal);
        Assert.True(update.Succeeded);
        Assert.Equal(2, await host.CountAsync("subscriptions"));
    }

    [Fact]
    public async Task PauseResume_KeepTheReasonWhilePausedAndClearItOnResume()
    {
        var (host, service, schedule) = await StartAsync();
        await using var _ = host;
        var created = (await service.SubscribeAsync(Channel, new SubscriptionRequest(), Ct)).Subscription!;

        var paused = await service.PauseAsync(Channel, null, "paused by ada", Ct);
        var shown = await service.FindAsync(Channel, null, Ct);
        var resumed = await service.ResumeAsync(Channel, "default", Ct);

        Assert.Equal((true, "paused by ada"), (paused.Subscription!.Paused, paused.Subscription.PausedReason));
        Assert.Equal("paused by ada", shown.Subscription!.PausedReason);
        Assert.Equal((false, (string?)null), (resumed.Subscription!.Paused, resumed.Subscription.PausedReason));
        Assert.Equal([$"changed {created.Id} default paused=False", $"changed {created.Id} default paused=True", $"changed {created.Id} default paused=False"], schedule.Calls);
        Assert.Single(await host.Services.GetRequiredService<SubscriptionStore>().ListActiveAsync(Ct));
    }

    [Fact]
    public async Task PauseById_ForADeliveryFailure_IsShownAndLeavesTheActiveList()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;
        var created = (await service.SubscribeAsync(Channel, new SubscriptionRequest(), Ct)).Subscription!;

        await service.PauseAsync(created.Id, "Discord answered 403: the bot lost Send Messages", Ct);

        var store = host.Services.GetRequiredService<SubscriptionStore>();
        Assert.Empty(await store.ListActiveAsync(Ct));
        Assert.Equal("Discord answered 403: the bot lost Send Messages", (await store.GetAsync(created.Id, Ct))!.PausedReason);
        Assert.False((await service.PauseAsync(created.Id + 1, "x", Ct)).Succeeded);
    }

    [Fact]
    public async Task MuteAndUnmute_ChangeOnlyTheMutedList()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;
        await service.SubscribeAsync(Channel, new SubscriptionRequest(), Ct);

        var muted = await service.MuteSourceAsync(Channel, null, "hacker news", Ct);
        var again = await service.MuteSourceAsync(Channel, null, "Hacker News", Ct);
        var unknown = await service.MuteSourceAsync(Channel, null, "Reddit", Ct);
        var unmuted = await service.UnmuteSourceAsync(Channel, null, "HACKER NEWS", Ct);
        var notMuted = await service.UnmuteSourceAsync(Channel, null, "Lobsters", Ct);

        Assert.Equal(["Hacker News"], muted.Subscription!.MutedSources);
        Assert.Equal(["Hacker News"], again.Subscription!.MutedSources);
        Assert.StartsWith("Unknown source 'Reddit'", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(unmuted.Subscription!.MutedSources);
        Assert.Equal("'Lobsters' is not muted: 'default' mutes no source.", notMuted.Error);
    }

    [Fact]
    public async Task FindAndUnsubscribe_WithSeveralSubscriptions_AskForTheName()
    {
        var (host, service, schedule) = await StartAsync();
        await using var _ = host;
        await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "backend" }, Ct);
        var ai = (await service.SubscribeAsync(Channel, new SubscriptionRequest { Name = "ai", Mode = "weekly" }, Ct)).Subscription!;

        var ambiguous = await service.UnsubscribeAsync(Channel, null, Ct);
        var missing = await service.UnsubscribeAsync(Channel, "frontend", Ct);
        var removed = await service.UnsubscribeAsync(Channel, "AI", Ct);

        Assert.Equal("This channel has 2 subscriptions (ai, backend); say which one with name:.", ambiguous.Error);
        Assert.Equal("This channel has no subscription named 'frontend'; it has: ai, backend.", missing.Error);
        Assert.Equal(ai.Id, removed.Subscription!.Id);
        Assert.Equal(1, await host.CountAsync("subscriptions"));
        Assert.Equal($"removed {ai.Id}", schedule.Calls.Last());
    }

    [Fact]
    public async Task Store_KeepsGuildsApart()
    {
        var (host, service, _) = await StartAsync();
        await using var _ = host;
        await service.SubscribeAsync(Channel, new SubscriptionRequest(), Ct);
        await service.SubscribeAsync(OtherGuildChannel, new SubscriptionRequest { Name = "theirs" }, Ct);

        var store = host.Services.GetRequiredService<SubscriptionStore>();
        var ours = await store.ListForGuildAsync(Channel.GuildId, Ct);
        var removeTheirs = await service.UnsubscribeAsync(Channel, "theirs", Ct);

        Assert.Equal(["default"], ours.Select(s => s.Name));
        Assert.False(removeTheirs.Succeeded);
        Assert.Equal(2, (await store.ListAllAsync(Ct)).Count);
    }

    [Fact]
    public async Task Store_RoundTripsEveryFieldIncludingLargeSnowflakes()
    {
        var (host, _, _) = await StartAsync();
        await using var _ = host;
        var store = host.Services.GetRequiredService<SubscriptionStore>();
        var channel = new ChannelKey(ulong.MaxValue - 1, 1_300_000_000_000_000_001);
        var subscription = new Subscription
        {
            Channel = channel, Name = "all-fields", Topics = ["ai"], Sources = ["Lobsters"], IncludeKeywords = ["rust"], ExcludeKeywords = ["crypto"],
            IncludePattern = "^a", ExcludePattern = "b$", Mode = SubscriptionMode.Weekly, DeliveryTime = new TimeOnly(23, 45), Weekday = DayOfWeek.Saturday,
            TimeZone = "Asia/Tokyo", Size = 25, MutedSources = ["Hacker News"], Paused = true, PausedReason = "why", ShareRoleId = ulong.MaxValue,
            CreatedBy = 42, CreatedAt = CoreTestHost.Start, UpdatedAt = CoreTestHost.Start,
        };

        var stored = await store.UpsertAsync(subscription, Ct);
        var read = await store.GetAsync(channel, "all-fields", Ct);

        foreach (var s in new[] { stored, read! })
        {
            Assert.Equal(channel, s.Channel);
            Assert.Equal(["ai", "Lobsters", "rust", "crypto", "Hacker News"], [.. s.Topics, .. s.Sources, .. s.IncludeKeywords, .. s.ExcludeKeywords, .. s.MutedSources]);
            Assert.Equal(("^a", "b$", SubscriptionMode.Weekly, new TimeOnly(23, 45), (DayOfWeek?)DayOfWeek.Saturday), (s.IncludePattern, s.ExcludePattern, s.Mode, s.DeliveryTime, s.Weekday));
            Assert.Equal(("Asia/Tokyo", 25, true, "why"), (s.TimeZone, s.Size, s.Paused, s.PausedReason));
            Assert.Equal(((ulong?)ulong.MaxValue, (ulong?)42UL, CoreTestHost.Start, CoreTestHost.Start), (s.ShareRoleId, s.CreatedBy, s.CreatedAt, s.UpdatedAt));
        }
    }
}
