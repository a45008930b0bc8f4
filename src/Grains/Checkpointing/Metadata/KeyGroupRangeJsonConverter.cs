using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Checkpointing;

/// <summary>Writes a <see cref="KeyGroupRange"/> as <c>{"start": s, "end": e}</c> (inclusive bounds) and reads it back.</summary>
internal sealed class KeyGroupRangeJsonConverter : JsonConverter<KeyGroupRange>
{
    /// <inheritdoc />
    public override KeyGroupRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A key-group range must be an object {\"start\": .., \"end\": ..}.");
        int? start = null, end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("Unexpected token in a key-group range.");
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "start": start = reader.GetInt32(); break;
                case "end": end = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }
        if (start is null || end is null) throw new JsonException("A key-group range needs both \"start\" and \"end\".");
        if (start < 0 || end < start - 1) throw new JsonException($"Key-group range {{start: {start}, end: {end}}} is invalid (start >= 0, end >= start - 1).");
        return new KeyGroupRange(start.Value, end.Value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, KeyGroupRange value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("start", value.StartKeyGroup);
        writer.WriteNumber("end", value.EndKeyGroup);
        writer.WriteEndObject();
    }
}
