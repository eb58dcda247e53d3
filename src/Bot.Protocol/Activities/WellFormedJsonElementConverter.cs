using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Activities;

/// <summary>
/// Reads a JSON value kept as it came (an activity's value, channelData, attachments, unknown
/// fields) only if every string in it is text. JSON may escape half of a surrogate pair
/// ("\ud800"); the reader lets that through into a JsonElement, and it fails later, when a handler
/// reads the string or the activity is written to a transcript: a 500 for a malformed request.
/// Here it is refused as malformed JSON, which the endpoints already answer with a 400.
/// </summary>
public sealed class WellFormedJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A copy walks the value (the serializer has buffered all of it before calling a converter);
        // only an escaped string can hold a lone surrogate, so only those are unescaped.
        var walker = reader;
        Check(ref walker);
        if (walker.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = walker.CurrentDepth;
            while (walker.Read() && walker.CurrentDepth > depth)
            {
                Check(ref walker);
            }
        }
        return JsonElement.ParseValue(ref reader);
    }

    private static void Check(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
        {
            return;
        }
        try
        {
            reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("A string holds half of a surrogate pair.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
}
