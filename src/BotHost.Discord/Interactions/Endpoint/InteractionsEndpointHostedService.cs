using System.Net;
using BotHost.Discord.Interactions.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Interactions.Endpoint;

/// <summary>
/// Hosts the HTTP interactions endpoint on its own Kestrel server when Discord:InteractionsEndpoint:Enabled
/// is true, at the host, port and path of Discord:InteractionsEndpoint:Url.
/// </summary>
public sealed class InteractionsEndpointHostedService(
    IOptions<DiscordOptions> options,
    InteractionDispatcher dispatcher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The URL actually listened on (with the real port when the configured one is 0); null when disabled.</summary>
    public Uri? ListeningUri { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.InteractionsEndpoint;
        if (!settings.Enabled)
        {
            return;
        }

        var url = ParseUrl(settings.Url);
        var verifier = new InteractionRequestVerifier(
            Ed25519SignatureVerifier.FromHex(settings.PublicKey),
            time,
            TimeSpan.FromSeconds(settings.MaxClockSkewSeconds));
        var logger = loggerFactory.CreateLogger<InteractionsEndpointHostedService>();
        var handler = new InteractionsEndpointHandler(verifier, dispatcher, time, logger);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = InteractionsEndpointHandler.MaxBodyBytes;
            Listen(kestrel, url);
        });
        var app = builder.Build();
        app.MapPost(url.AbsolutePath, handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ListeningUri = new UriBuilder(url) { Port = bound.Port }.Uri;
        InteractionsLog.EndpointListening(logger, ListeningUri.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static Uri ParseUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            ? uri
            : throw new InvalidOperationException(
                $"Discord:InteractionsEndpoint:Url '{url}' must be an absolute http:// URL such as http://127.0.0.1:8080/interactions (terminate TLS in a reverse proxy).");

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri url)
    {
        if (url.IsLoopback && url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(url.Port);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port);
        }
        else if (url.Host is "*" or "+")
        {
            kestrel.ListenAnyIP(url.Port);
        }
        else
        {
            throw new InvalidOperationException(
                $"Discord:InteractionsEndpoint:Url host '{url.Host}' must be an IP address or localhost (it is the address to listen on).");
        }
    }
}
