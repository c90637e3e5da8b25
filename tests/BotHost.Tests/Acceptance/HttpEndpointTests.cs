using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BotHost.Discord.Interactions.Endpoint;
using BotHost.Testing.FakeDiscord;
using static BotHost.Tests.Acceptance.DiscordHostFixture;
using static BotHost.Tests.Bridge.InteractionJson;

namespace BotHost.Tests.Acceptance;

/// <summary>
/// Issue 10, acceptance 4: the same /search answered over the HTTP interactions endpoint of the whole host, requests
/// signed like Discord signs them; a forged signature gets 401 and runs nothing.
/// </summary>
public sealed class HttpEndpointTests
{
    private static readonly FakeInteractionSigner Signer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<DiscordHostFixture> StartAsync() => DiscordHostFixture.StartAsync(new Dictionary<string, string?>
    {
        ["Discord:InteractionsEndpoint:Enabled"] = "true",
        ["Discord:InteractionsEndpoint:Url"] = "http://127.0.0.1:0/interactions",
        ["Discord:InteractionsEndpoint:PublicKey"] = Signer.PublicKeyHex,
    });

    [Fact]
    public async Task Search_OverTheEndpoint_IsAnsweredLikeOverTheGateway()
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient();
        bot.Discord.IssueInteraction(7001, "http-token-1");
        var body = Slash(7001, "http-token-1", "search", Options(Option("query", "chaotic")));

        using var response = await PostAsync(http, bot, body, forge: false);
        var content = await AnswerAsync(bot, response, 7001);

        Assert.StartsWith("**1 story matches**\n1. **[Shipping 12,000+ Lines Across 6 Systems in 19 Days", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedSignature_Gets401_AndRunsNothing()
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient();
        bot.Discord.IssueInteraction(7002, "http-token-2");
        bot.Discord.IssueInteraction(7003, "http-token-3");

        using var search = await PostAsync(http, bot, Slash(7002, "http-token-2", "search", Options(Option("query", "chaotic"))), forge: true);
        using var subscribe = await PostAsync(http, bot, Slash(7003, "http-token-3", "subscribe"), forge: true);
        using var ping = await PostAsync(http, bot, """{"id":"1","application_id":"1","type":1,"token":"p","version":1}""", forge: false);

        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, subscribe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.DoesNotContain(bot.Discord.InteractionRequests, r => r.InteractionId is 7002 or 7003);
        Assert.Equal(0, await bot.CountAsync("subscriptions"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, DiscordHostFixture bot, string body, bool forge)
    {
        var endpoint = bot.Get<InteractionsEndpointHostedService>().ListeningUri!;
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Signer.Sign(timestamp, bytes);
        if (forge)
        {
            signature = (signature[0] == '0' ? "1" : "0") + signature[1..];
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request, Ct);
    }

    // Answered inline (200 with the response) when quick, or deferred inline (200 with type 5) and then edited.
    private static async Task<string> AnswerAsync(DiscordHostFixture bot, HttpResponseMessage response, ulong interactionId)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(64, json.RootElement.GetProperty("data").GetProperty("flags").GetInt32() & 64);
        if (json.RootElement.GetProperty("type").GetInt32() == 4)
        {
            return json.RootElement.GetProperty("data").GetProperty("content").GetString()!;
        }

        // Deferred (type 5) in the request's answer; the result then edits the original response.
        Assert.Equal(5, json.RootElement.GetProperty("type").GetInt32());
        bot.Discord.AcknowledgeInline(interactionId);
        var edit = await bot.Discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.InteractionId == interactionId && r.IsAccepted, Ct)
            .WaitAsync(TimeSpan.FromSeconds(15), Ct);
        return Content(edit);
    }
}
