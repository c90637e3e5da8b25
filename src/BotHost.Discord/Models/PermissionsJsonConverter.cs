using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// A permission bit set. Since API v8 Discord sends permissions as strings of digits (they outgrew JavaScript
/// numbers, FACTS §7); reading also accepts a bare number. Same wire rules as a snowflake.
/// </summary>
public sealed class PermissionsJsonConverter : JsonConverter<ulong>
{
    private static readonly SnowflakeJsonConverter Digits = new();

    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Digits.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
        => Digits.Write(writer, value, options);
}
