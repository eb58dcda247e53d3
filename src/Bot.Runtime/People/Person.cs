namespace Bot.People;

/// <summary>
/// An enrolled person: a role over one unit, and the channel identities ("channel:userId") bound
/// to it, so work started on Teams can go on in Zalo or the web chat.
/// </summary>
public sealed record Person(
    string Id,
    StaffRole Role,
    string UnitId,
    DateTimeOffset EnrolledAt,
    string EnrolledBy,
    IReadOnlyList<string> Identities);
