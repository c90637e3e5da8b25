using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Editing and deleting a message share one rate limit, as routes answering the same X-RateLimit-Bucket do
    /// on Discord, so a client must learn that the two routes are one bucket.
    /// </summary>
    public const string MessageWriteBucket = "fake-message-write";

    /// <summary>The REST API's settings, fault injection and recordings.</summary>
    public FakeRestApi Rest { get; private set; } = null!;

    partial void MapRest(WebApplication app)
    {
        var rest = new FakeRestApi(Time);
        Rest = rest;
        var api = app.MapGroup("/api/v10");
        api.MapPost("/channels/{channelId}/messages", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-create-message", Route(c, "channelId")), body => rest.CreateMessage(Snowflake(c, "channelId"), body)));
        api.MapPatch("/channels/{channelId}/messages/{messageId}", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute(MessageWriteBucket, Route(c, "channelId")), body => rest.EditMessage(Snowflake(c, "channelId"), Snowflake(c, "messageId"), body)));
        api.MapDelete("/channels/{channelId}/messages/{messageId}", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute(MessageWriteBucket, Route(c, "channelId")), _ => rest.DeleteMessage(Snowflake(c, "channelId"), Snowflake(c, "messageId"))));
        api.MapGet("/channels/{channelId}/messages", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-read-messages", Route(c, "channelId")), _ => rest.ListMessages(Snowflake(c, "channelId"), c.Request.Query["limit"].FirstOrDefault(), c.Request.Query["before"].FirstOrDefault())));
        api.MapGet("/channels/{channelId}", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-channel", Route(c, "channelId")), _ => rest.Guilds.GetChannel(Snowflake(c, "channelId"))));
        api.MapGet("/guilds/{guildId}", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-guild", Route(c, "guildId")), _ => rest.Guilds.GetGuild(Snowflake(c, "guildId"))));
        api.MapGet("/guilds/{guildId}/roles", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-guild-roles", Route(c, "guildId")), _ => rest.Guilds.GetRoles(Snowflake(c, "guildId"))));
        api.MapGet("/guilds/{guildId}/members/{userId}", (HttpContext c) =>
            rest.HandleAsync(c, new FakeRoute("fake-guild-member", Route(c, "guildId")), _ => rest.Guilds.GetMember(Snowflake(c, "guildId"), Snowflake(c, "userId"), rest.Options.ApplicationId)));
        api.MapGet("/users/@me", (HttpContext c) => rest.HandleAsync(c, new FakeRoute("fake-current-user", string.Empty), _ => rest.CurrentUser()));
        api.MapGet("/gateway/bot", (HttpContext c) => rest.HandleAsync(c, new FakeRoute("fake-gateway-bot", string.Empty), _ => rest.GatewayBot()));
        api.MapGet("/applications/@me", (HttpContext c) => rest.HandleAsync(c, new FakeRoute("fake-application", string.Empty), _ => rest.CurrentApplication()));
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    private static ulong Snowflake(HttpContext context, string name)
        => ulong.TryParse(Route(context, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
