using Bot.Activities;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// "mời khảo sát &lt;mã hồ sơ&gt;": desk staff make a case's invitation in chat, to show the
/// citizen on a phone or tablet: the QR code as a picture, the code to type, and its address.
/// The invitation is the same one the one-stop software would get for that case, so a case has
/// one form whichever way it was invited; the visit is now.
/// </summary>
public sealed class DeskInvitations(ScoringRules rules, InvitationRequestValidator validator, InvitationIssuer issuer, PublicOrigin origin, StaffTexts texts)
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
        // Issued after the turn's save, like every write a staff turn decides on.
        staff.Turn.AfterSave(async _ =>
        {
            var (issued, _) = await issuer.IssueAsync(valid!, origin.Current ?? "", InvitationIssuers.Desk);
            staff.Turn.Say(texts.Format("staff.invite.made",
                ("caseCode", caseCode), ("code", issued.Code), ("url", issued.Url), ("expires", VietnameseFormat.Date(issued.ExpiresAt.ToOffset(rules.Calendar.Offset)))));
            staff.Turn.Replies[^1].Attachments = [ImageAttachment.Png(issued.QrUrl, $"khao-sat-{issued.Code}.png")];
        });
    }
}
