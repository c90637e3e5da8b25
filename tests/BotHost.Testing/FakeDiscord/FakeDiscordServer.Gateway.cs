using Microsoft.AspNetCore.Builder;

namespace BotHost.Testing.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    /// <summary>The fake gateway WebSocket at <see cref="GatewayUri"/>: commands, dispatch injection and recordings.</summary>
    public FakeGateway Gateway { get; private set; } = null!;

    partial void MapGateway(WebApplication app)
    {
        Gateway = new FakeGateway(Time, () => GatewayUri);
        app.UseWebSockets();
        app.Map("/", Gateway.HandleAsync);
        app.Map(FakeGateway.ResumePath, Gateway.HandleAsync);
        Rest.SessionStartLimit = () => (Gateway.SessionStartRemaining, Gateway.MaxConcurrency);
    }
}
