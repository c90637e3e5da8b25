using System.Text.Json.Serialization;

namespace BotHost.Cli;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InspectFeedCommand.InspectedFeed))]
[JsonSerializable(typeof(SourcesCommand.SourceCheck[]))]
[JsonSerializable(typeof(IReadOnlyList<BotHost.Core.Digests.DigestPart>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
