using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.State;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(CompletedForm))]
[JsonSerializable(typeof(OutboxEntry))]
[JsonSerializable(typeof(DeadLetter))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
