namespace ScoringCore.Contracts;

/// <summary>
/// POST /api/v1/survey-responses. Nullable throughout so a missing field gets a named answer.
/// <see cref="Source"/> says where the form came from (see docs/decisions/011); without it the
/// form is the API caller's own and counts as before. <see cref="Reference"/> is what the form
/// stands for and may be used once: the hash of a case code, a cadre's registration, a paper
/// sheet number. <see cref="DeviceHash"/> and <see cref="AddressHash"/> are keyed hashes the bot
/// makes of an open page's device and address, only to spot bursts; they are never stored in the record.
/// <see cref="IssuedBy"/> says who made a case's invitation ("software" or "desk", see
/// <c>Scoring.Rules.InvitationIssuers</c>), kept on the record for the appraisers' audit.
/// <see cref="Comment"/> is the person's own words to the commune (the chat's comment box), kept apart from the
/// record for the retention period with the <see cref="Name"/> and <see cref="Address"/> they chose to sign it with;
/// a name or address without a comment is not kept (docs/decisions/024).
/// </summary>
public sealed record SurveyResponseRequest(
    string? ResponseId,
    string? Form,
    string? CommuneId,
    int? Year,
    IReadOnlyList<string?>? Answers,
    string? SubmittedAt,
    string? Channel,
    bool? InWindow,
    string? Source = null,
    string? Reference = null,
    string? VisitedAt = null,
    string? StartedAt = null,
    string? DeviceHash = null,
    string? AddressHash = null,
    string? IssuedBy = null,
    string? Comment = null,
    string? Name = null,
    string? Address = null);
