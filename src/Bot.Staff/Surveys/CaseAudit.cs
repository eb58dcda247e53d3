using Bot.CoreClient;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// An appraiser audits A1 case by case. "kiểm tra hồ sơ &lt;xã&gt; &lt;mã hồ sơ&gt;": the scoring core
/// keeps only a keyed hash of each case (so nobody at the commune can tie answers to a person),
/// which this computes again to find the case's form: whether there is one, when, and where it
/// stands. "phiếu xã tự mời &lt;xã&gt;": the forms from invitations the commune's own desk made, by
/// the time each case was received, to find in the one-stop software's records.
/// </summary>
public sealed class CaseAudit(ScoringRules rules, ScoringCoreClient core, InvitationCodes codes, StaffTexts texts)
{
    // A commune's desk makes a few dozen invitations in a survey week; a chat message stays readable.
    private const int LinesShown = 40;

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
                ("issuedBy", form.IssuedBy is { } issuer ? texts.Format("staff.audit.issuedBy", ("issuer", texts.IssuedBy(issuer))) : "")));
    }

    public async Task DeskFormsAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        if (UnitLookup.Commune(staff, texts, rest, texts.DeskForms.Canonical) is not { } commune)
        {
            return;
        }
        var result = await core.GetFormsAsync(commune.Id!, staff.Year, standing: null, cancellationToken);
        if (!result.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(result));
            return;
        }
        // In the order the cases were received, as the one-stop software's book lists them.
        var forms = result.Value!.Where(f => f.IssuedBy == InvitationIssuers.Desk).OrderBy(f => CoreInstants.Read(f.VisitedAt ?? f.SubmittedAt)).ToList();
        if (forms.Count == 0)
        {
            staff.Turn.Say(texts.Format("staff.deskForms.none", ("communeName", commune.Name), ("year", staff.Year)));
            return;
        }
        var lines = forms.Take(LinesShown).Select((f, i) => texts.Format("staff.deskForms.line",
            ("n", i + 1), ("visit", When(f.VisitedAt ?? f.SubmittedAt)), ("at", When(f.SubmittedAt)), ("score", VietnameseFormat.Points(f.Score)),
            ("standing", texts.Text("staff.standing." + f.Standing))));
        var more = forms.Count > LinesShown ? [texts.Format("staff.deskForms.more", ("count", forms.Count - LinesShown))] : Array.Empty<string>();
        staff.Turn.Say(string.Join("\n",
            [texts.Format("staff.deskForms.title", ("communeName", commune.Name), ("year", staff.Year), ("count", forms.Count)), .. lines, .. more, texts.Text("staff.deskForms.hint")]));
    }

    private string When(string instant) => CoreInstants.Local(instant, rules.Calendar.Offset, "HH:mm dd/MM/yyyy");
}
