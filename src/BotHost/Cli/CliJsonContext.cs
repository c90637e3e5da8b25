using System.Text.Json.Serialization;

namespace BotHost.Cli;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SourcesCommand.SourceCheck[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
