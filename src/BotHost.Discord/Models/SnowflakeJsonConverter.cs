using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// Snowflakes are 64-bit, so Discord sends them as JSON strings (JavaScript numbers lose precision).
/// Reading also accepts a bare number, which some payloads (e.g. nonces echoed back) may carry.
/// </summary>
public sealed class SnowflakeJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetUInt64();
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            ReadOnlySpan<byte> span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            if (!span.IsEmpty && span[0] != (byte)'+' && Utf8Parser.TryParse(span, out ulong value, out var consumed) && consumed == span.Length)
            {
                return value;
            }
        }

        throw new JsonException("A snowflake must be a string of digits, e.g. \"175928847299117063\".");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
