using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// Rounds of N concurrent /search and /latest (alternating) sent to the bot's HTTP interactions endpoint, signed as
/// Discord signs them. Time to acknowledgement: from sending the POST to the endpoint's answer, which is the whole
/// response when the bot answers inline (200), a deferral (200 with type 5), or comes after its deferral reached the
/// fake Discord's callback route (202). Time to final response: the same for an inline answer; for a deferred one, until the edit of @original
/// arrived at the fake. Both clocks are this process's.
/// </summary>
internal sealed class InteractionLoad(FakeDiscordServer discord, Uri endpoint, FakeInteractionSigner signer, TimeSpan clockOffset)
{
    private const string ApplicationId = "1100000000000000001";
    private const int DeferredChannelMessage = 5;
    private long _nextId = 8_000_000;

    public async Task<InteractionMeasure> RunAsync(IReadOnlyList<string> queries, int concurrency, int rounds, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up, one at a time (reported apart): connections, the endpoint's JIT, SQLite's first pages.
        var warmUp = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            warmUp.Add((await SendAsync(http, Payload(i, queries), cancellationToken)).AckMs);
        }


        var samples = new List<InteractionSample>();
        var next = 0;
        for (var round = 0; round < rounds; round++)
        {
            var batch = Enumerable.Range(0, concurrency).Select(_ => Payload(next++, queries)).ToList();
            samples.AddRange(await Task.WhenAll(batch.Select(p => SendAsync(http, p, cancellationToken))));
        }

        return new InteractionMeasure(samples, warmUp);
    }

    private (string Command, ulong Id, string Token, byte[] Body) Payload(int index, IReadOnlyList<string> queries)
    {
        var id = (ulong)Interlocked.Increment(ref _nextId);
        var token = "bench-token-" + id.ToString(CultureInfo.InvariantCulture);
        var search = index % 2 == 0;
        var options = search
            ? new JsonArray(new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = queries[index / 2 % queries.Count] })
            : [];
        var interaction = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["guild_id"] = "77",
            ["channel_id"] = "2000000",
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "5", ["username"] = "ada" }, ["permissions"] = "16", ["roles"] = new JsonArray() },
            ["app_permissions"] = "19456",
            ["data"] = new JsonObject { ["id"] = "1", ["name"] = search ? "search" : "latest", ["type"] = 1, ["options"] = options },
        };
        return (search ? "search" : "latest", id, token, Encoding.UTF8.GetBytes(interaction.ToJsonString()));
    }

    private async Task<InteractionSample> SendAsync(HttpClient http, (string Command, ulong Id, string Token, byte[] Body) payload, CancellationToken cancellationToken)
    {
        discord.IssueInteraction(payload.Id, payload.Token);
        var timestamp = (DateTimeOffset.UtcNow + clockOffset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload.Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-Ed25519", signer.Sign(timestamp, payload.Body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);

        var sentAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var ackMs = watch.Elapsed.TotalMilliseconds;
        var answer = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body) : null;
        if (answer is not null && answer["type"]?.GetValue<int>() != DeferredChannelMessage)
        {
            return new InteractionSample(payload.Command, ackMs, ackMs, Deferred: false, Content(answer["data"]));
        }

        if (answer is not null)
        {
            // Playing Discord: an inline deferral acknowledges the interaction, so its original response can be edited.
            discord.AcknowledgeInline(payload.Id);
        }

        if (answer is null && response.StatusCode != HttpStatusCode.Accepted)
        {
            return new InteractionSample(payload.Command, ackMs, double.NaN, Deferred: false, $"HTTP {(int)response.StatusCode}");
        }

        var edit = await discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.Token == payload.Token, cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var final = Math.Max(ackMs, (edit.At - sentAt).TotalMilliseconds);
        return new InteractionSample(payload.Command, ackMs, final, Deferred: true, edit.Body.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "");
    }

    private static string Content(JsonNode? data) => data?["content"]?.GetValue<string>() ?? "";
}
