using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>A JSON array of snowflake strings.</summary>
public sealed class SnowflakeListJsonConverter : JsonConverter<IReadOnlyList<ulong>>
{
    private static readonly SnowflakeJsonConverter Item = new();

    public override IReadOnlyList<ulong> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of snowflakes.");
        }

        var list = new List<ulong>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Item.Read(ref reader, typeof(ulong), options));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ulong> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var id in value)
        {
            Item.Write(writer, id, options);
        }

        writer.WriteEndArray();
    }
}
