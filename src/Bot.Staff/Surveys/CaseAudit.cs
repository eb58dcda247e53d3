using System.Globalization;
using Bot.CoreClient;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// "kiểm tra hồ sơ &lt;xã&gt; &lt;mã hồ sơ&gt;": an appraiser audits A1 case by case. The scoring core
/// keeps only a keyed hash of each case (so nobody at the commune can tie answers to a person),
/// which this computes again to find the case's form: whether there is one, when, and where it stands.
/// </summary>
public sealed class CaseAudit(ScoringRules rules, ScoringCoreClient core, InvitationCodes codes, StaffTexts texts)
{
    public async Task CheckAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            staff.Turn.Say(texts.Text("staff.audit.usage"));
            return;
        }
        var caseCode = words[^1];
        if (UnitLookup.One(staff, texts, string.Join(' ', words[..^1]), communesOnly: true, texts.AuditCase.Canonical) is not { } commune)
        {
            return;
        }
        var result = await core.GetFormsAsync(commune.Id!, staff.Year, standing: null, cancellationToken);
        if (!result.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(result));
            return;
        }
        var reference = codes.CaseReference(commune.Id!, caseCode);
        var form = result.Value!.FirstOrDefault(f => f.Reference == reference);
        staff.Turn.Say(form is null
            ? texts.Format("staff.audit.none", ("caseCode", caseCode), ("communeName", commune.Name), ("year", staff.Year))
            : texts.Format("staff.audit.found", ("caseCode", caseCode), ("communeName", commune.Name), ("at", When(form.SubmittedAt)),
                ("score", VietnameseFormat.Points(form.Score)), ("standing", texts.Text("staff.standing." + form.Standing)),
                ("issuedBy", form.IssuedBy is null ? "" : texts.Format("staff.audit.issuedBy", ("issuer", texts.IssuedBy(form.IssuedBy))))));
    }

    private string When(string submittedAt) =>
        DateTimeOffset.TryParse(submittedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToOffset(rules.Calendar.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
            : submittedAt;
}
