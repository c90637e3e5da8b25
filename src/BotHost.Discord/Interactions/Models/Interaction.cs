using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>An interaction as delivered by INTERACTION_CREATE or the HTTP endpoint (FACTS §5).</summary>
public sealed record Interaction
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Id { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? GuildId { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? ChannelId { get; init; }

    /// <summary>The partial channel it was invoked in (its <c>type</c> tells a thread, which posts with other permissions).</summary>
    public ResolvedChannel? Channel { get; init; }

    /// <summary>Set in guilds; <see cref="User"/> is set in DMs instead.</summary>
    public InteractionMember? Member { get; init; }

    public InteractionUser? User { get; init; }

    /// <summary>Secret for 15 minutes: never log it.</summary>
    public string Token { get; init; } = "";

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    /// <summary>The bot's permissions where the interaction was invoked (bit set, sent as a string).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? AppPermissions { get; init; }

    /// <summary>The invoking user, whether in a guild or a DM.</summary>
    [JsonIgnore]
    public InteractionUser? Invoker => Member?.User ?? User;

    // The interaction token authorizes replies for 15 minutes; a generated ToString would print it into logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, ApplicationId = {ApplicationId}, Type = {Type}, Data = {Data}, ")
            .Append(CultureInfo.InvariantCulture, $"GuildId = {GuildId}, ChannelId = {ChannelId}, Member = {Member}, User = {User}, ")
            .Append(CultureInfo.InvariantCulture, $"Token = <redacted>, Locale = {Locale}, GuildLocale = {GuildLocale}, AppPermissions = {AppPermissions}");
        return true;
    }
}
