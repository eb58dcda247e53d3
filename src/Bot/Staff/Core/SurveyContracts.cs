namespace Bot.Staff.Core;

// The scoring core's survey-running API as the bot reads and writes it (camelCase on the wire).

/// <summary>GET/PUT …/survey-round: the visit days that count, the citizen forms aimed for, who last set it.</summary>
public sealed record SurveyRoundView(string CommuneId, int Year, string OpensOn, string ClosesOn, int CitizenTarget, bool Set, string? ChangedBy, string? ChangedAt);

public sealed record SurveyRoundBody(string? OpensOn, string? ClosesOn, int? CitizenTarget, string ChangedBy);

/// <summary>GET /units/{id}/years/{y}/survey-progress, one commune.</summary>
public sealed record CommuneSurveyProgress(string CommuneId, string Name, SurveyRoundView Round, FormCounts Citizen, FormCounts Cadre, long CitizenMissing);

public sealed record FormCounts(long Counted, long Held, long Excluded, long Feedback, long OutsideWindow);

/// <summary>GET …/survey-forms: one stored form as an appraiser audits it.</summary>
public sealed record SurveyFormView(string ResponseId, string Form, string Source, string? Reference, string SubmittedAt, IReadOnlyList<string> Answers, decimal Score, string Standing, IReadOnlyList<string> Reasons);

public sealed record HeldFormDecisionBody(string Decision, string Reason, string DecidedBy);

/// <summary>POST /survey-responses for a paper sheet: its id is made from the sheet, so the same sheet is the same form.</summary>
public sealed record PaperFormBody(string ResponseId, string Form, string CommuneId, int Year, IReadOnlyList<string> Answers, string SubmittedAt, string Channel, string Source, string Reference);
