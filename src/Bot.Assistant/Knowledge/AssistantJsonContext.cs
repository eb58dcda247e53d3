using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Assistant.Knowledge;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SourceManifest))]
internal sealed partial class AssistantJsonContext : JsonSerializerContext;
