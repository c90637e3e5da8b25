using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Tests.Rest;

/// <summary>A <see cref="DiscordRestClient"/> pointed at a <see cref="FakeDiscordServer"/>, with captured logs.</summary>
internal sealed class RestClientUnderTest : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ILoggerFactory _loggers;

    public RestClientUnderTest(FakeDiscordServer server, TimeProvider? time = null, Action<DiscordRestOptions>? configure = null, string? token = null, RestMetrics? metrics = null)
    {
        var rest = new DiscordRestOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(rest);
        var options = new DiscordOptions
        {
            Token = token ?? server.Rest.Options.Token,
            ApiBaseUrl = server.ApiBaseUri.ToString(),
            UserAgentUrl = "https://example.test/bothost",
            RequestTimeoutSeconds = 5,
        };
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Client = new DiscordRestClient(_http, Options.Create(options), Options.Create(rest), time ?? TimeProvider.System, _loggers.CreateLogger<DiscordRestClient>(), metrics);
    }

    public DiscordRestClient Client { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public void Dispose()
    {
        _loggers.Dispose();
        _http.Dispose();
    }
}
