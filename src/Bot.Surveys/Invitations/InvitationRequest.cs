using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Surveys.Invitations;

/// <summary>
/// POST /api/v1/survey-invitations, one of (or an array of):
/// a citizen's case, <c>{form: "citizen", communeId, caseCode, visitedAt}</c>, as the one-stop
/// software prints the receipt or returns the result; or a village cadre's registration,
/// <c>{form: "cadre", communeId, role, village, name?}</c>. Nullable so a missing field gets a named answer.
/// </summary>
public sealed record InvitationRequest(string? Form, string? CommuneId, string? CaseCode, string? VisitedAt, string? Role, string? Village, string? Name);

/// <summary>An invitation as the caller prints or sends it: the code to type, the page and its QR code, and when it expires.</summary>
public sealed record InvitationIssued(string Code, string Url, string QrUrl, DateTimeOffset ExpiresAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(InvitationRequest))]
[JsonSerializable(typeof(List<InvitationRequest?>))]
[JsonSerializable(typeof(InvitationIssued))]
[JsonSerializable(typeof(List<InvitationIssued>))]
internal sealed partial class InvitationJsonContext : JsonSerializerContext;
