using System.ComponentModel.DataAnnotations;

namespace BotHost.Discord.Gateway;

/// <summary>Settings of the "Discord:Gateway" section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Discord:Gateway";

    /// <summary>
    /// On shutdown close with a non-1000 code so Discord keeps the session resumable for a few minutes;
    /// otherwise close with 1000 and the bot goes offline at once.
    /// </summary>
    public bool KeepSessionOnStop { get; set; }

    /// <summary>
    /// With <see cref="KeepSessionOnStop"/>, how old a saved session may be for a restart to try resuming it.
    /// Discord keeps a session resumable "for a few minutes" (exact time unconfirmed); an expired one costs an
    /// op 9 and an identify.
    /// </summary>
    [Range(1, 3600)]
    public int SessionResumeWindowSeconds { get; set; } = 120;

    /// <summary>Largest single gateway message accepted; GUILD_CREATE of big guilds can be several MB.</summary>
    [Range(64 * 1024, 512 * 1024 * 1024)]
    public int MaxReceiveBytes { get; set; } = 32 * 1024 * 1024;

    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 30;

    /// <summary>Upper bound of the backoff between failed connection attempts.</summary>
    [Range(1, 3600)]
    public int MaxReconnectDelaySeconds { get; set; } = 60;
}
