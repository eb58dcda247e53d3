namespace Scoring.Rules;

/// <summary>
/// Who made a citizen's per-case invitation. The one-stop software makes one for a case it holds;
/// the commune's own desk staff can make one in chat for any case code they type, and nothing can
/// tell an invented case from a real one there. A form keeps which it was, so appraisers know which
/// forms to check against the one-stop software's records (see docs/decisions/011).
/// </summary>
public static class InvitationIssuers
{
    /// <summary>The province's one-stop software, through the invitations API (or the same case confirmed by it later).</summary>
    public const string Software = "software";

    /// <summary>The scored commune's desk staff, in chat ("mời khảo sát &lt;mã hồ sơ&gt;").</summary>
    public const string Desk = "desk";

    public static readonly IReadOnlyList<string> All = [Software, Desk];
}
