namespace Bot.Surveys.Invitations;

/// <summary>
/// One person's invitation to one survey: a citizen's for one case file (visited at a time), or a
/// registered village cadre's (role and village from the registration, never typed). Stored as
/// JSON under the hash of its code (never the code) until it expires; the form it gave is marked
/// apart, once, in the same atomic save as the form. A case's says who made it
/// (<see cref="Scoring.Rules.InvitationIssuers"/>; null on those made before it was kept).
/// </summary>
public sealed record Invitation(
    string Form,
    string CommuneId,
    int Year,
    string Reference,
    DateTimeOffset VisitedAt,
    DateTimeOffset ExpiresAt,
    string? Role = null,
    string? Village = null,
    string? Name = null,
    string? IssuedBy = null);
