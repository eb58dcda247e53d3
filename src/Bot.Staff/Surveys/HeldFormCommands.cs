using Bot.CoreClient;
using Bot.State;
using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Surveys;

/// <summary>
/// Held forms move only by an appraiser's decision: "phiếu chờ xét &lt;xã&gt;" lists them with
/// why each was held, numbered; "tính phiếu N &lt;lý do&gt;" counts one, "loại phiếu N &lt;lý do&gt;"
/// excludes it ("tính phiếu 1-5 &lt;lý do&gt;" several at once). The reason is required and kept with each
/// form; the decisions are sent after the turn's save.
/// </summary>
public sealed class HeldFormCommands(ScoringRules rules, ScoringCoreClient core, StaffTexts texts)
{
    private const string Held = "held";

    public async Task ListAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        if (rest.Trim().Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.held.usage"));
            return;
        }
        if (UnitLookup.One(staff, texts, rest, communesOnly: true, texts.HeldForms.Canonical) is not { } commune)
        {
            return;
        }
        var result = await core.GetFormsAsync(commune.Id!, staff.Year, Held, cancellationToken);
        if (!result.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(result));
            return;
        }
        var forms = result.Value!;
        if (forms.Count == 0)
        {
            staff.Turn.Say(texts.Format("staff.held.none", ("communeName", commune.Name), ("year", staff.Year)));
            return;
        }
        staff.Turn.State.HeldForms = new HeldList(commune.Id!, commune.Name!, staff.Year, [.. forms.Select(f => f.ResponseId)]);
        var lines = forms.Select((f, i) => texts.Format("staff.held.line",
            ("n", i + 1), ("form", texts.Text("staff.form." + f.Form)), ("visit", Visit(f)), ("at", When(f.SubmittedAt)), ("score", VietnameseFormat.Points(f.Score)),
            ("reasons", string.Join("; ", f.Reasons.Select(r => texts.Text("staff.hold." + r))))));
        staff.Turn.Say(string.Join("\n", [texts.Format("staff.held.title", ("communeName", commune.Name), ("year", staff.Year)), .. lines, texts.Text("staff.held.hint")]));
    }

    public void Decide(StaffTurn staff, string rest, bool count)
    {
        var list = staff.Turn.State.HeldForms;
        if (list is null || HeldFormNumbers.Read(rest, list.ResponseIds.Count) is not var (numbers, reason))
        {
            staff.Turn.Say(texts.Text("staff.held.pick"));
            return;
        }
        if (reason.Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.held.needReason"));
            return;
        }
        if (!StaffAccess.Covers(staff.Person!, list.CommuneId, staff.Tree))
        {
            staff.Turn.Say(texts.Text("staff.refused"));
            return;
        }
        var body = new HeldFormDecisionRequest(count ? "count" : "exclude", StaffTurn.Clip(reason), staff.Signature);
        // Sent after the turn's save: a rerun would otherwise find the forms decided and report the core's "not held".
        staff.Turn.AfterSave(async token =>
        {
            var decided = new List<int>(numbers.Count);
            var failures = new List<string>();
            foreach (var n in numbers)
            {
                var result = await core.DecideHeldFormAsync(list.CommuneId, list.Year, list.ResponseIds[n - 1], body, token);
                if (result.Ok)
                {
                    decided.Add(n);
                }
                else
                {
                    failures.Add(texts.CoreFailure(result));
                }
            }
            if (decided.Count > 0)
            {
                staff.Turn.Say(texts.Format(count ? "staff.held.counted" : "staff.held.excluded",
                    ("n", string.Join(", ", decided)), ("communeName", list.CommuneName), ("reason", body.Reason)));
            }
            foreach (var failure in failures.Distinct())
            {
                staff.Turn.Say(failure);
            }
        });
    }

    /// <summary>
    /// A case's visit, so the appraiser can find the case in the one-stop software's records, and
    /// whether the commune's desk made its invitation (the one to check first); "" for other forms.
    /// </summary>
    private string Visit(SurveyFormView form) =>
        (form.Source == FormSources.Invitation && form.VisitedAt is { } visited ? texts.Format("staff.held.visit", ("at", When(visited))) : "")
        + (form.IssuedBy == InvitationIssuers.Desk ? texts.Format("staff.held.issuedBy", ("issuer", texts.IssuedBy(InvitationIssuers.Desk))) : "");

    private string When(string instant) => CoreInstants.Local(instant, rules.Calendar.Offset, "HH:mm dd/MM");
}
