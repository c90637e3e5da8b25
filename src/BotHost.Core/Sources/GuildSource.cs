namespace BotHost.Core.Sources;

/// <summary>A feed one guild added for itself; <see cref="Url"/> is canonical http(s).</summary>
public sealed record GuildSource(long Id, ulong GuildId, string Name, string Url, IReadOnlyList<string> Topics, ulong? AddedBy, DateTimeOffset AddedAt);
