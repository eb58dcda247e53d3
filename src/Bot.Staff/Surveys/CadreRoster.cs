using System.Globalization;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// "danh sách cán bộ thôn &lt;xã&gt;": the village cadres an appraiser registered for a commune this
/// year, village by village, and whether each has sent their form. The seed wants one form from each
/// of a known list, so the appraiser sees whom to remind; a pending cadre's code is given again to resend.
/// </summary>
public sealed class CadreRoster(InvitationStore store, InvitationCodes codes, ScoringRules rules, StaffTexts texts)
{
    private static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public async Task ListAsync(StaffTurn staff, string communeText, CancellationToken cancellationToken)
    {
        if (UnitLookup.Commune(staff, texts, communeText, texts.CadreList.Canonical) is not { } commune)
        {
            return;
        }
        var cadres = await store.CadresAsync(commune.Id!, staff.Year);
        if (cadres.Count == 0)
        {
            staff.Turn.Say(texts.Format("staff.cadreList.none", ("communeName", commune.Name), ("year", staff.Year), ("command", texts.InviteCadre.Canonical)));
            return;
        }
        var roles = rules.CadreRoles.Select(r => r.Code).ToList();
        var lines = cadres
            .OrderBy(c => c.Invitation.Village, Vietnamese)
            .ThenBy(c => roles.IndexOf(c.Invitation.Role!))
            .Select(c => texts.Format("staff.cadreList.line",
                ("village", c.Invitation.Village), ("role", rules.CadreRoleLabel(c.Invitation.Role!)),
                ("name", c.Invitation.Name is { Length: > 0 } name ? $" ({name})" : ""), ("status", Status(staff, c.Invitation, c.Answered))));
        var answered = cadres.Count(c => c.Answered);
        staff.Turn.Say(string.Join("\n", [texts.Format("staff.cadreList.header",
            ("communeName", commune.Name), ("year", staff.Year), ("count", cadres.Count), ("answered", answered), ("pending", cadres.Count - answered)), .. lines]));
    }

    private string Status(StaffTurn staff, Invitation invitation, bool answered) =>
        answered ? texts.Text("staff.cadreList.answered")
        : staff.Turn.Now > invitation.ExpiresAt ? texts.Text("staff.cadreList.expired")
        : texts.Format("staff.cadreList.pending", ("code", codes.ForRegistrationReference(invitation.Reference) ?? "?"),
            ("expires", VietnameseFormat.Date(invitation.ExpiresAt.ToOffset(rules.Calendar.Offset))));
}
