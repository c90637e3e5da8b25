using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BotHost.Operations;

/// <summary>
/// Its own small Kestrel server (when Operations:Enabled) answering <c>/healthz</c> (the process is up),
/// <c>/readyz</c> (<see cref="ReadinessProbe"/>, 503 with the reasons when not ready) and the Prometheus scrape path.
/// </summary>
public sealed class OperationsEndpoint(
    IOptions<OperationsOptions> options,
    ReadinessProbe readiness,
    MeterProvider meterProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>http://address:port/ actually listened on (the real port when Operations:Port is 0); null before start.</summary>
    public Uri? ListeningUri { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = IPAddress.Parse(settings.Address);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Listen(address, settings.Port);
        });
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8"));
        app.MapGet("/readyz", (Delegate)ReadyAsync);
        app.MapPrometheusScrapingEndpoint(settings.MetricsPath, meterProvider, configureBranchedPipeline: null, optionsName: null);
        await app.StartAsync(cancellationToken);
        _app = app;

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ListeningUri = new UriBuilder(Uri.UriSchemeHttp, settings.Address.Contains(':', StringComparison.Ordinal) ? $"[{settings.Address}]" : settings.Address, bound.Port).Uri;
        OperationsLog.Listening(loggerFactory.CreateLogger<OperationsEndpoint>(), ListeningUri.ToString(), settings.MetricsPath);
    }

    /// <summary>Stops listening and releases the server at once: nothing asks for health after the host stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>Releases the server when the host is disposed without a stop (its start failed after this one's).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> ReadyAsync(HttpContext context)
    {
        var checks = await readiness.CheckAsync(context.RequestAborted);
        var ready = checks.All(c => c.Ready);
        var text = new StringBuilder(ready ? "ready\n" : "not ready\n");
        foreach (var check in checks)
        {
            text.Append(check.Name).Append(": ").Append(check.Ready ? "ok" : "NOT READY").Append(" (").Append(check.Detail).Append(")\n");
        }

        return Results.Text(text.ToString(), "text/plain; charset=utf-8", Encoding.UTF8, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
