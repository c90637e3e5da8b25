namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// How the fake treats one request: the rate-limit bucket it counts against (several routes may share a
/// bucket hash, as on Discord) split by the top-level id, whether the global limit applies, whether the bot
/// token is required, and who else wants the finished request (e.g. the interaction log).
/// </summary>
/// <param name="Bucket">The X-RateLimit-Bucket hash the route answers with.</param>
/// <param name="Major">Top-level id that splits the bucket (channel id, guild id, webhook id + token).</param>
/// <param name="GlobalExempt">Interaction callbacks and webhooks do not count against the global limit.</param>
/// <param name="BotToken">
/// True: "Bot &lt;token&gt;" is required. False: the route is authorized by a token in its path, and an
/// Authorization header is only checked when present.
/// </param>
internal sealed record FakeRoute(string Bucket, string Major, bool GlobalExempt = false, bool BotToken = true)
{
    /// <summary>Called with every finished request on this route, refused or not.</summary>
    public Action<FakeRestRequest>? Recorded { get; init; }
}
