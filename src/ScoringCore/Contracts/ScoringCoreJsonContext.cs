using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Scoring.Rules;

namespace ScoringCore.Contracts;

/// <summary>Source-generated JSON for every type the scoring core reads or writes; camelCase on the wire.</summary>
// Strict numbers: the Web defaults would read "2026" as 2026, hiding a client's type error.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(UnitDto[]))]
[JsonSerializable(typeof(UnitsSaved))]
[JsonSerializable(typeof(SurveyResponseRequest))]
[JsonSerializable(typeof(SurveyResponseRecord))]
[JsonSerializable(typeof(FormComment))]
[JsonSerializable(typeof(List<FormComment>))]
[JsonSerializable(typeof(List<SurveyFormView>))]
[JsonSerializable(typeof(SurveyFormView))]
[JsonSerializable(typeof(HeldFormDecision))]
[JsonSerializable(typeof(HeldFormDecisionRequest))]
[JsonSerializable(typeof(SurveyRound))]
[JsonSerializable(typeof(List<PaperFormResult>))]
[JsonSerializable(typeof(SurveyRoundView))]
[JsonSerializable(typeof(SurveyRoundRequest))]
[JsonSerializable(typeof(List<CommuneSurveyProgress>))]
[JsonSerializable(typeof(SelfAssessmentRequest))]
[JsonSerializable(typeof(SelfAssessmentRecord))]
[JsonSerializable(typeof(AppraisalRequest))]
[JsonSerializable(typeof(AppraisalRecord))]
[JsonSerializable(typeof(DisqualificationRequest))]
[JsonSerializable(typeof(DisqualificationLiftRequest))]
[JsonSerializable(typeof(AssessmentView))]
[JsonSerializable(typeof(AssessmentSaved))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(RecognitionRequest))]
[JsonSerializable(typeof(RevocationRequest))]
[JsonSerializable(typeof(Recognition))]
[JsonSerializable(typeof(Revocation))]
[JsonSerializable(typeof(List<ResultChange>))]
[JsonSerializable(typeof(ResultChange))]
[JsonSerializable(typeof(UnitSummary))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class ScoringCoreJsonContext : JsonSerializerContext;
