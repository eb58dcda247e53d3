using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Bot.Activities;

/// <summary>
/// camelCase, nulls omitted on write, lenient on read (case-insensitive names), as the Bot
/// Framework channels expect; source-generated so no reflection runs per turn. A value kept as
/// JSON must hold only text (<see cref="WellFormedJsonElementConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WellFormedJsonElementConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ImageAttachmentBody))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(InvokeResponseBody))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(StartSurveyValue))]
public sealed partial class BotJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For what the bot writes to a channel: letters as themselves in UTF-8 ("Cẩm Vũ"), not as
    /// <c>\u1EA9</c> escapes, as the Bot Framework SDK writes them. A Vietnamese reply is about a quarter
    /// fewer bytes on a phone's connection, and quicker to write. Characters that matter in HTML
    /// (&lt; &gt; &amp; quotes) are still escaped.
    /// </summary>
    public static BotJsonContext Wire => _wire ??= new(new JsonSerializerOptions(BotJsonContext.Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    // Made on first use: a static initializer here could run before the generated part's Default is set.
    private static BotJsonContext? _wire;
}
