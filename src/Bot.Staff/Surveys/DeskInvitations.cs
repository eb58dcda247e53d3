using Bot.Activities;
using Bot.CoreClient;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// "mời khảo sát &lt;mã hồ sơ&gt;": desk staff make a case's invitation in chat, to show the
/// citizen on a phone or tablet: the QR code as a picture, the code to type, and its address.
/// The invitation is the same one the one-stop software would get for that case, so a case has
/// one form whichever way it was invited; the visit is now. Outside the commune's survey round the staff are told,
/// apart from the words for the citizen, that the form will be feedback to the commune, not a counted one.
/// </summary>
public sealed class DeskInvitations(
    ScoringRules rules, InvitationRequestValidator validator, InvitationIssuer issuer, PublicOrigin origin, ScoringCoreClient core, StaffTexts texts)
{
    public async Task InviteAsync(StaffTurn staff, string caseCode, CancellationToken cancellationToken)
    {
        if (caseCode.Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.invite.usage"));
            return;
        }
        var now = staff.Turn.Now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var request = new InvitationRequest("citizen", staff.Person!.UnitId, caseCode, now, null, null, null);
        var (valid, problem) = await validator.ValidateAsync(request, "", cancellationToken);
        if (problem is not null)
        {
            staff.Turn.Say(texts.Format("staff.invite.refused", ("detail", texts.FieldInWords(problem.Detail, problem.Field))));
            return;
        }
        var outsideRound = await OutsideRoundAsync(staff, cancellationToken);
        // Issued after the turn's save, like every write a staff turn decides on.
        staff.Turn.AfterSave(async _ =>
        {
            var (issued, _, _) = await issuer.IssueAsync(valid!, origin.Current ?? "", InvitationIssuers.Desk);
            staff.Turn.Say(texts.Format("staff.invite.made",
                ("caseCode", caseCode), ("code", issued.Code), ("url", issued.Url), ("expires", VietnameseFormat.Date(issued.ExpiresAt.ToOffset(rules.Calendar.Offset)))));
            staff.Turn.Replies[^1].Attachments = [ImageAttachment.Png(issued.QrUrl, $"khao-sat-{issued.Code}.png")];
            if (outsideRound is not null)
            {
                staff.Turn.Say(outsideRound);
            }
        });
    }

    /// <summary>
    /// The note for the staff when today is not a day of the commune's round (a read, before the save). A core that
    /// cannot say gives no note: the citizen's greeting still says whether the form counts.
    /// </summary>
    private async Task<string?> OutsideRoundAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var year = rules.Calendar.LocalDate(staff.Turn.Now).Year;
        var round = await core.GetRoundAsync(staff.Person!.UnitId, year, cancellationToken);
        if (round is not { Ok: true, Value: { } days })
        {
            return null;
        }
        var today = rules.Calendar.LocalIsoDay(staff.Turn.Now);
        // ISO days compare as text.
        return string.CompareOrdinal(today, days.OpensOn) >= 0 && string.CompareOrdinal(today, days.ClosesOn) <= 0 ? null
            : texts.Format("staff.invite.outsideRound", ("communeName", staff.Tree.NameOf(staff.Person.UnitId)),
                ("opens", VietnameseFormat.DayMonth(days.OpensOn)), ("closes", VietnameseFormat.DayMonth(days.ClosesOn)), ("year", year));
    }
}
