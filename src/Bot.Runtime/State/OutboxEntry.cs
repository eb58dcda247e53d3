namespace Bot.State;

/// <summary>
/// A form waiting for the scoring core: exactly the body of POST /api/v1/survey-responses, plus when
/// it was queued and the W3C trace context of the turn that completed it (the core ignores both), so
/// the delivery, in a background worker, joins that turn's trace. The comment, and the name and address the person
/// signed the form with, go to the commune through the core (docs/decisions/024).
/// </summary>
public sealed record OutboxEntry(
    string ResponseId,
    string Form,
    string CommuneId,
    int Year,
    IReadOnlyList<string> Answers,
    DateTimeOffset SubmittedAt,
    string Channel,
    DateTimeOffset EnqueuedAt,
    string? Source = null,
    string? Reference = null,
    DateTimeOffset? VisitedAt = null,
    DateTimeOffset? StartedAt = null,
    string? DeviceHash = null,
    string? AddressHash = null,
    string? TraceParent = null,
    string? IssuedBy = null,
    string? Comment = null,
    string? Name = null,
    string? Address = null);

/// <summary>A form the scoring core refused, kept with the reason for a person to look at.</summary>
public sealed record DeadLetter(string Entry, int Status, string Reason, DateTimeOffset At);
