using System.Text.Json.Serialization;

namespace BotHost.Cli;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SourcesCommand.SourceCheck[]))]
[JsonSerializable(typeof(IReadOnlyList<BotHost.Core.Digests.DigestPart>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
