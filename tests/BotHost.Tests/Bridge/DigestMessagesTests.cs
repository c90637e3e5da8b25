using BotHost.Bridge.Delivery;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.Digests;
using BotHost.Discord;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Bridge;

public sealed class DigestMessagesTests
{
    [Fact]
    public async Task TwentyFiveNastyStories_PostAsValidDiscordMessages_WithEveryUrlIntactAndNoPing()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        discord.Rest.Options.BucketLimit = 100;
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, Options.Create(new DiscordOptions { Token = discord.Rest.Options.Token, ApiBaseUrl = discord.ApiBaseUri.ToString() }),
            Options.Create(new DiscordRestOptions()), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var sink = new DiscordSink(rest);
        var digest = DigestSamples.TwentyFiveNastyStories();
        var parts = new DigestRenderer().Render(digest);

        var results = new List<SinkResult>();
        foreach (var part in parts)
        {
            DiscordLimits.Validate(DigestMessages.Create(part, DeliveryNonce.For(1, DateTimeOffset.UnixEpoch, part.Index)));
            results.Add(await sink.PostAsync(new ChannelKey(1, 500), part, DeliveryNonce.For(1, DateTimeOffset.UnixEpoch, part.Index), TestContext.Current.CancellationToken));
        }

        var messages = discord.Rest.Messages;
        var urls = messages.SelectMany(m => m.Json["embeds"]!.AsArray()).Select(e => e!["url"]!.GetValue<string>()).ToList();
        var bodies = discord.Rest.Requests.Where(r => r.Method == "POST").Select(r => r.Body).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{parts.Count} messages posted, statuses {string.Join(",", discord.Rest.Requests.Select(r => r.Status))}, largest body {bodies.Max(b => b.Length)} bytes");
        Assert.All(results, r => Assert.Equal(SinkOutcome.Posted, r.Outcome));
        Assert.Equal(parts.Count, messages.Count);
        Assert.Equal(digest.Entries.Select(e => e.Url), urls);
        Assert.All(bodies, b => Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", b, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Equal(MarkerOf(m), parts[messages.ToList().IndexOf(m)].Marker));
    }

    [Fact]
    public void Limits_RestatedInCore_MatchTheDiscordClients()
    {
        Assert.Equal(
            (DiscordLimits.ContentLength, DiscordLimits.EmbedsPerMessage, DiscordLimits.EmbedTitleLength, DiscordLimits.EmbedDescriptionLength, DiscordLimits.EmbedFooterTextLength,
             DiscordLimits.EmbedTotalLength, DiscordLimits.EmbedUrlLength, DiscordLimits.ActionRowsPerMessage, DiscordLimits.ButtonsPerRow, DiscordLimits.ButtonLabelLength, DiscordLimits.NonceLength),
            (MessageLimits.ContentLength, MessageLimits.CardsPerMessage, MessageLimits.CardTitleLength, MessageLimits.CardDescriptionLength, MessageLimits.CardFooterLength,
             MessageLimits.CardsTotalLength, MessageLimits.UrlLength, MessageLimits.RowsPerMessage, MessageLimits.ActionsPerRow, MessageLimits.LabelLength, DeliveryNonce.Length));
    }

    private static string? MarkerOf(FakeMessage message)
    {
        var embeds = message.Json["embeds"]!.AsArray();
        return embeds.Count > 0 ? embeds[^1]!["footer"]?["text"]?.GetValue<string>() : message.Content;
    }
}
