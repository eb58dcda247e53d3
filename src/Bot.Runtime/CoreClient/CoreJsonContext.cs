using System.Text.Json;
using System.Text.Json.Serialization;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.CoreClient;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssessmentView))]
[JsonSerializable(typeof(SelfAssessmentRequest))]
[JsonSerializable(typeof(AppraisalRequest))]
[JsonSerializable(typeof(DisqualificationRequest))]
[JsonSerializable(typeof(DisqualificationLiftRequest))]
[JsonSerializable(typeof(RecognitionRequest))]
[JsonSerializable(typeof(RevocationRequest))]
[JsonSerializable(typeof(List<ResultChange>))]
[JsonSerializable(typeof(CoreProblem))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(UnitSummary))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(SurveyRoundView))]
[JsonSerializable(typeof(SurveyRoundRequest))]
[JsonSerializable(typeof(List<CommuneSurveyProgress>))]
[JsonSerializable(typeof(List<SurveyFormView>))]
[JsonSerializable(typeof(List<FormComment>))]
[JsonSerializable(typeof(SurveyFormView))]
[JsonSerializable(typeof(HeldFormDecisionRequest))]
[JsonSerializable(typeof(SurveyResponseRequest))]
[JsonSerializable(typeof(UnitDto[]))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
