using Bot.People;

namespace Bot.Staff.Enrolment;

/// <summary>
/// What a code grants, stored under its hash until it is redeemed or expires. A code with a
/// <see cref="PersonId"/> links another channel to that person instead of enrolling someone new.
/// </summary>
public sealed record EnrolmentGrant(StaffRole Role, string UnitId, string CreatedBy, DateTimeOffset ExpiresAt, string? PersonId = null);
