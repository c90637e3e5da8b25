using System.Text.Json.Serialization;

namespace BotHost.Core.Sources;

/// <summary>The topics column of guild_sources is a JSON array of strings.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class GuildSourceJsonContext : JsonSerializerContext;
