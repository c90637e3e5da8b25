using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// A loopback Kestrel server that plays Discord for tests. Each concern (REST, gateway,
/// interactions) maps its routes in its own partial file.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDiscordServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public TimeProvider Time { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/api/v10</summary>
    public Uri ApiBaseUri => new(BaseUri, "/api/v10");

    /// <summary>ws://127.0.0.1:PORT</summary>
    public Uri GatewayUri => new($"ws://{BaseUri.Authority}");

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDiscordServer(app, time ?? TimeProvider.System);
        server.MapRest(app);
        server.MapGateway(app);
        server.MapInteractions(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    partial void MapRest(WebApplication app);

    partial void MapGateway(WebApplication app);

    partial void MapInteractions(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
