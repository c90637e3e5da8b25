using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Endpoint;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionsEndpointTests
{
    private const string PingBody = """{"id":"1","application_id":"4242","type":1,"token":"ping-token","version":1}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeInteractionSigner _signer = new();

    [Fact]
    public async Task Post_WhenPingCorrectlySigned_AnswersPongJson()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);

        using var response = await endpoint.PostAsync(PingBody, Sign(endpoint, PingBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_WhenSignatureForged_Answers401()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);
        var (timestamp, signature) = Sign(endpoint, PingBody);
        var forged = (signature[0] == '0' ? "1" : "0") + signature[1..];

        using var response = await endpoint.PostAsync(PingBody, (timestamp, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenBodyChangedAfterSigning_Answers401()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);
        var headers = Sign(endpoint, PingBody);

        using var response = await endpoint.PostAsync(PingBody.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal), headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenTimestampStale_Answers401()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);
        var headers = Sign(endpoint, PingBody);
        endpoint.Rig.Time.Advance(TimeSpan.FromSeconds(301));

        using var response = await endpoint.PostAsync(PingBody, headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenSignatureHeadersMissing_Answers401()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);

        using var response = await endpoint.PostAsync(PingBody, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenBodyOverOneMebibyte_RejectsBeforeVerifying()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, []);
        var body = "{\"type\":1,\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";

        using var response = await endpoint.PostAsync(body, Sign(endpoint, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenCommandHandlerFast_AnswersInlineWithoutCallback()
    {
        await using var endpoint = await EndpointFixture.StartAsync(_signer, [new EchoCommand()]);
        // Issued, so a stray callback would be accepted; refused ones are recorded too.
        endpoint.Rig.Server.IssueInteraction(2001, "http-token");
        var body = JsonSerializer.Serialize(new
        {
            id = "2001", application_id = "4242", type = 2, token = "http-token", guild_id = "777", channel_id = "888",
            member = new { user = new { id = "1", username = "tester" }, permissions = "0" },
            data = new { id = "55", name = "echo", type = 1, options = new[] { new { name = "text", type = 3, value = "inline" } } },
        });

        using var response = await endpoint.PostAsync(body, Sign(endpoint, body));
        await endpoint.Rig.Dispatcher!.WhenBackgroundIdleAsync().WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(4, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("echo: inline", json.RootElement.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(endpoint.Rig.Server.InteractionRequests);
    }

    [Fact]
    public async Task Post_WhenCommandHandlerSlow_AnswersWithTheDeferralThenEditsOriginal()
    {
        var command = new GatedCommand();
        await using var endpoint = await EndpointFixture.StartAsync(_signer, [command]);
        endpoint.Rig.Server.IssueInteraction(2002, "slow-token");
        var body = """{"id":"2002","application_id":"4242","type":2,"token":"slow-token","data":{"id":"56","name":"slow","type":1}}""";

        var post = endpoint.PostAsync(body, Sign(endpoint, body));
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        endpoint.Rig.Time.Advance(TimeSpan.FromSeconds(2));
        using var response = await post.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        endpoint.Rig.Server.AcknowledgeInline(2002);
        command.Release.SetResult(CommandResponse.Message("finished later"));
        var edit = await endpoint.Rig.WaitForAsync(FakeInteractionRoute.EditOriginal, 2002);
        Assert.True(edit.IsAccepted);

        // The deferral is the request's own answer (no round trip to the callback route before acknowledging).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var deferral = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(5, deferral.RootElement.GetProperty("type").GetInt32());
        Assert.DoesNotContain(endpoint.Rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.Callback);
        Assert.Equal("finished later", edit.Body.GetProperty("content").GetString());
    }

    private static (string Timestamp, string Signature) Sign(EndpointFixture endpoint, string body)
    {
        var timestamp = endpoint.Rig.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, endpoint.Signer.Sign(timestamp, Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>The endpoint on real Kestrel at 127.0.0.1 with an ephemeral port, dispatching through the test rig.</summary>
    private sealed class EndpointFixture : IAsyncDisposable
    {
        private readonly HttpClient _client = new();

        private EndpointFixture(InteractionTestRig rig, FakeInteractionSigner signer, InteractionsEndpointHostedService service)
        {
            Rig = rig;
            Signer = signer;
            Service = service;
        }

        public InteractionTestRig Rig { get; }

        public FakeInteractionSigner Signer { get; }

        public InteractionsEndpointHostedService Service { get; }

        public static async Task<EndpointFixture> StartAsync(FakeInteractionSigner signer, SlashCommand[] commands)
        {
            var rig = await InteractionTestRig.StartAsync();
            rig.Options.InteractionsEndpoint = new InteractionsEndpointOptions
            {
                Enabled = true,
                Url = "http://127.0.0.1:0/discord/interactions",
                PublicKey = signer.PublicKeyHex,
                MaxClockSkewSeconds = 300,
            };
            var service = new InteractionsEndpointHostedService(Options.Create(rig.Options), rig.CreateDispatcher(commands), rig.Time, NullLoggerFactory.Instance);
            await service.StartAsync(Ct);
            return new EndpointFixture(rig, signer, service);
        }

        public async Task<HttpResponseMessage> PostAsync(string body, (string Timestamp, string Signature)? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Service.ListeningUri)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (signature is { } s)
            {
                request.Headers.Add("X-Signature-Timestamp", s.Timestamp);
                request.Headers.Add("X-Signature-Ed25519", s.Signature);
            }

            return await _client.SendAsync(request, Ct);
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(Ct);
            await Service.DisposeAsync();
            await Rig.DisposeAsync();
            _client.Dispose();
        }
    }
}
