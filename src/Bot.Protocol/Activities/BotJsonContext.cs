using System.Text.Json;
using System.Text.Json.Serialization;

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
public sealed partial class BotJsonContext : JsonSerializerContext;
