using Bot.People;
using Bot.Units;

namespace Bot.Staff;

/// <summary>
/// Who may do what, in one table, checked on every turn against the person as stored now (so a
/// revoked enrolment stops working at once). Refusals never say whether the other unit exists.
/// </summary>
public static class StaffAccess
{
    private static readonly Dictionary<StaffCommandKind, StaffRole[]> AllowedRoles = new()
    {
        [StaffCommandKind.Ask] = [StaffRole.Staff, StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.LinkChannel] = [StaffRole.Staff, StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.CreateCode] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Enrolments] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Revoke] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.SelfScore] = [StaffRole.Staff],
        [StaffCommandKind.Appraise] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Disqualify] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Lift] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Scorecard] = [StaffRole.Staff, StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Rollup] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Ranking] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.Export] = [StaffRole.Appraiser, StaffRole.Admin],
        // The desk makes a case's invitation; everything else about running the surveys is the appraising level's.
        [StaffCommandKind.Invite] = [StaffRole.Staff],
        [StaffCommandKind.InviteCadre] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.CadreList] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.SurveyProgress] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.OpenRound] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.CloseRound] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.PaperForms] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.HeldForms] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.CountHeld] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.ExcludeHeld] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.AuditCase] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.DeskForms] = [StaffRole.Appraiser, StaffRole.Admin],
        // People write their comments to the commune; the appraising level, which runs the surveys, reads them too.
        [StaffCommandKind.Comments] = [StaffRole.Staff, StaffRole.Appraiser, StaffRole.Admin],
        // The decisions on a year's result and their trail are the appraising level's.
        [StaffCommandKind.Recognise] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.RevokeRecognition] = [StaffRole.Appraiser, StaffRole.Admin],
        [StaffCommandKind.History] = [StaffRole.Appraiser, StaffRole.Admin],
    };

    /// <summary>
    /// A command whose words a citizen says too: "góp ý" from someone not enrolled wants to give feedback, so it is the
    /// survey's (which asks for the commune), never refused as a command they may not use.
    /// </summary>
    public static bool SaidByCitizensToo(StaffCommandKind command) => command == StaffCommandKind.Comments;

    /// <summary>The roles a command needs, named in the refusal of someone enrolled in another role.</summary>
    public static IReadOnlyList<StaffRole> RolesFor(StaffCommandKind command) => AllowedRoles.GetValueOrDefault(command) ?? [];

    /// <summary>Enrolling and asking "who am I" are open to anyone; everything else needs one of its roles.</summary>
    public static bool Allows(StaffCommandKind command, Person? person) =>
        command is StaffCommandKind.Enrol or StaffCommandKind.WhoAmI
        || (person is not null && AllowedRoles[command].Contains(person.Role));

    /// <summary>Whether <paramref name="unitId"/> is within the person's scope: their own commune for staff, their unit and everything under it otherwise.</summary>
    public static bool Covers(Person person, string unitId, UnitTree tree) =>
        person.Role == StaffRole.Staff ? unitId == person.UnitId : tree.IsWithin(unitId, person.UnitId);

    /// <summary>
    /// Which roles this person may hand out codes for, at <paramref name="unitId"/>: an admin any
    /// role within their unit; an appraiser only staff of communes within theirs.
    /// </summary>
    public static bool MayGrant(Person person, StaffRole role, string unitId, UnitTree tree) =>
        Covers(person, unitId, tree) && person.Role switch
        {
            StaffRole.Admin => role != StaffRole.Staff || tree.IsCommune(unitId),
            StaffRole.Appraiser => role == StaffRole.Staff && tree.IsCommune(unitId),
            _ => false,
        };

    /// <summary>Whose enrolments this person may list and revoke: an admin everyone within their unit, an appraiser the staff within theirs.</summary>
    public static bool MayManage(Person person, Person other, UnitTree tree) =>
        Covers(person, other.UnitId, tree) && (person.Role == StaffRole.Admin || other.Role == StaffRole.Staff);
}
