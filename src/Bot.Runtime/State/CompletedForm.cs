namespace Bot.State;

/// <summary>
/// A finished survey: stored with its outbox entry in the same atomic step as the turn's state,
/// so a crash can neither lose it nor send it twice.
/// </summary>
public sealed record CompletedForm(
    string ResponseId,
    string Form,
    string CommuneId,
    int Year,
    IReadOnlyList<string> Answers,
    IReadOnlyDictionary<string, string> Fields,
    string? CaseCode,
    DateTimeOffset SubmittedAt,
    string Channel,
    string UserKey,
    FormOrigin? Origin = null,
    DateTimeOffset? StartedAt = null);
