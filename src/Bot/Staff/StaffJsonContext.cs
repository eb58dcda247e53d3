using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Staff.Core;
using Bot.Staff.Enrolment;
using Scoring.Rules;

namespace Bot.Staff;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(EnrolmentGrant))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(StoredAssessment))]
[JsonSerializable(typeof(SelfAssessmentBody))]
[JsonSerializable(typeof(AppraisalBody))]
[JsonSerializable(typeof(DisqualificationBody))]
[JsonSerializable(typeof(LiftBody))]
[JsonSerializable(typeof(RecognitionBody))]
[JsonSerializable(typeof(RevocationBody))]
[JsonSerializable(typeof(List<ResultChange>))]
[JsonSerializable(typeof(CoreProblem))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(UnitSummary))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(SurveyRoundView))]
[JsonSerializable(typeof(SurveyRoundBody))]
[JsonSerializable(typeof(List<CommuneSurveyProgress>))]
[JsonSerializable(typeof(List<SurveyFormView>))]
[JsonSerializable(typeof(HeldFormDecisionBody))]
[JsonSerializable(typeof(PaperFormBody))]
internal sealed partial class StaffJsonContext : JsonSerializerContext;
