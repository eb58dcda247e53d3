using System.Text.Json.Serialization;
using Scoring.Scheme;

namespace Scoring.Loading;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RubricFile))]
[JsonSerializable(typeof(SchemeRules))]
[JsonSerializable(typeof(SurveyForm))]
[JsonSerializable(typeof(SurveyDialog))]
[JsonSerializable(typeof(MessagesFile))]
internal sealed partial class SchemeJsonContext : JsonSerializerContext;

internal sealed record MessagesFile(IReadOnlyDictionary<string, string> Messages);
