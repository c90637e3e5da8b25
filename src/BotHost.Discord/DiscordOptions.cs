namespace BotHost.Discord;

/// <summary>Settings of the "Discord" section. Nothing here may assume discord.com: tests point the URLs at loopback.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Bot token. Never logged. Empty means "offline": the host uses the console sink.</summary>
    public string? Token { get; set; }

    /// <summary>Optional; read from GET /applications/@me when not set.</summary>
    public ulong? ApplicationId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Optional override of the URL GET /gateway/bot returns; used as given with ?v=10&amp;encoding=json added.</summary>
    public string? GatewayUrl { get; set; }

    public int? ShardId { get; set; }

    public int? ShardCount { get; set; }

    /// <summary>Gateway intents bit set; GUILDS (1) only by default, no privileged intents.</summary>
    public int Intents { get; set; } = 1;

    /// <summary>Guild that also gets the commands registered as guild commands (instant update while developing).</summary>
    public ulong? DevGuildId { get; set; }

    /// <summary>Sent in the User-Agent: DiscordBot (url, version).</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/bothost/bothost";

    public int RequestTimeoutSeconds { get; set; } = 15;

    public InteractionsEndpointOptions InteractionsEndpoint { get; set; } = new();
}

/// <summary>The optional HTTP interactions endpoint (Discord:InteractionsEndpoint:*).</summary>
public sealed class InteractionsEndpointOptions
{
    public bool Enabled { get; set; }

    /// <summary>Listen URL, e.g. http://127.0.0.1:8080/interactions</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080/interactions";

    /// <summary>The application's Ed25519 public key, hex, from the developer portal.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Requests whose X-Signature-Timestamp is older than this are rejected as stale (replay hardening).</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;
}
