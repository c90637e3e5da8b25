using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotHost.Testing.Feeds;

/// <summary>
/// A Kestrel server on 127.0.0.1 (random port) that serves whatever a test maps per path and records every request.
/// Unmapped paths answer 404.
/// </summary>
public sealed class LoopbackFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<RecordedFeedRequest, LoopbackResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedFeedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private LoopbackFeedServer()
    {
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedFeedRequest> Requests => [.. _requests];

    public static async Task<LoopbackFeedServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackFeedServer { _app = app };
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>Absolute URL of a path on this server, e.g. Url("/feed.xml").</summary>
    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>Answer <paramref name="path"/> (path plus query, exact match) with a fixed response.</summary>
    public void Map(string path, LoopbackResponse response) => _routes[path] = _ => response;

    /// <summary>Answer <paramref name="path"/> with a response chosen per request (e.g. 304 when If-None-Match matches).</summary>
    public void Map(string path, Func<RecordedFeedRequest, LoopbackResponse> respond) => _routes[path] = respond;

    public IReadOnlyList<RecordedFeedRequest> RequestsTo(string path) =>
        [.. _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedFeedRequest(context.Request.Method, path, headers);
        _requests.Enqueue(recorded);

        var response = _routes.TryGetValue(path, out var respond) ? respond(recorded) : LoopbackResponse.StatusOnly(404);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var body = response.WireBody;
        if (response.Gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        if (!response.Chunked && response.StallAfterBytes is null)
        {
            context.Response.ContentLength = body.Length;
        }

        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await WriteBodyAsync(context.Response, response, body, gone.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up (cut at its size cap, timed out) or the server is stopping: nothing left to send.
            context.Abort();
        }
    }

    private static async Task WriteBodyAsync(HttpResponse http, LoopbackResponse response, byte[] body, CancellationToken cancellationToken)
    {
        if (response.StallAfterBytes is not { } stallAfter)
        {
            await http.Body.WriteAsync(body, cancellationToken);
            return;
        }

        var first = Math.Min(stallAfter, body.Length);
        await http.Body.WriteAsync(body.AsMemory(0, first), cancellationToken);
        await http.Body.FlushAsync(cancellationToken);
        response.BodyStarted.TrySetResult();
        await response.ReleaseStall.Task.WaitAsync(cancellationToken);
        await http.Body.WriteAsync(body.AsMemory(first), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            // Bounded so a client that never reads cannot hold a test run open.
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stopTimeout.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
