using Bot.Activities;
using Bot.Dialogs;
using Bot.State;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Staff.Surveys;

/// <summary>
/// "mời cán bộ thôn &lt;xã&gt;": an appraiser registers one of a commune's village cadres (the
/// seed's four roles, by button; the village; a name if they like) and gets that person's own
/// invitation to send: the code, the address and its QR code. Registering the same cadre again
/// gives the same invitation.
/// </summary>
public sealed class CadreInvitationDialog(
    ScoringRules rules, InvitationRequestValidator validator, InvitationIssuer issuer, PublicOrigin origin, StaffTexts texts, BotTexts common)
{
    private const int MaxText = 100;

    private IReadOnlyList<DialogOption> Roles => rules.CadreRoles;

    public void Begin(StaffTurn staff, string communeText)
    {
        if (communeText.Length == 0)
        {
            staff.Turn.Say(texts.Format("staff.needCommune", ("command", texts.InviteCadre.Canonical)));
            return;
        }
        if (UnitLookup.One(staff, texts, communeText, communesOnly: true, texts.InviteCadre.Canonical) is not { } commune)
        {
            return;
        }
        staff.Turn.State.Phase = Phase.Staff;
        staff.Turn.State.Staff = new StaffProgress { Mode = StaffMode.Cadre, CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year, Awaiting = StaffAwaiting.Role };
        AskRole(staff, commune.Name!);
    }

    public async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        var key = TextNormalizer.Key(text);
        if (staff.Stops(key, texts, common, "staff.cadre.stopped"))
        {
            return;
        }
        switch (progress.Awaiting)
        {
            case StaffAwaiting.Role:
                var role = Roles.FirstOrDefault(r => TextNormalizer.Key(r.Label) == key || r.Code == key || (r.Synonyms ?? []).Any(s => TextNormalizer.Key(s) == key));
                if (role is null)
                {
                    AskRole(staff, progress.CommuneName);
                    return;
                }
                progress.Collected = [role.Code];
                progress.Awaiting = StaffAwaiting.Village;
                staff.Turn.Say(texts.Text("staff.cadre.village"), expectingInput: true);
                return;
            case StaffAwaiting.Village:
                var village = TextNormalizer.Nfc(text);
                if (village.Length is 0 or > MaxText || common.Skip.Matches(key))
                {
                    staff.Turn.Say(texts.Text("staff.cadre.village"), expectingInput: true);
                    return;
                }
                progress.Collected.Add(village);
                progress.Awaiting = StaffAwaiting.Name;
                staff.Turn.Say(texts.Text("staff.cadre.name"), [CardAction.ImBack(common.Skip.Canonical)], expectingInput: true);
                return;
            default:
                var name = common.Skip.Matches(key) ? "" : TextNormalizer.Nfc(text);
                await IssueAsync(staff, progress, name.Length > MaxText ? name[..MaxText] : name, cancellationToken);
                return;
        }
    }

    private async Task IssueAsync(StaffTurn staff, StaffProgress progress, string name, CancellationToken cancellationToken)
    {
        var request = new InvitationRequest("cadre", progress.CommuneId, null, null, progress.Collected[0], progress.Collected[1], name.Length > 0 ? name : null);
        var (valid, problem) = await validator.ValidateAsync(request, "", cancellationToken);
        staff.EndDialog();
        if (problem is not null)
        {
            staff.Turn.Say(texts.Format("staff.invite.refused", ("detail", problem.Detail)));
            return;
        }
        var communeName = progress.CommuneName;
        // Issued after the turn's save, like every write a staff turn decides on.
        staff.Turn.AfterSave(async _ =>
        {
            var (issued, _) = await issuer.IssueAsync(valid!, origin.Current ?? "");
            var role = Roles.First(r => r.Code == valid!.Invitation.Role).Label;
            staff.Turn.Say(texts.Format("staff.cadre.made",
                ("role", role), ("village", valid!.Invitation.Village), ("name", name.Length > 0 ? $" ({name})" : ""), ("communeName", communeName),
                ("code", issued.Code), ("url", issued.Url), ("expires", VietnameseFormat.Date(issued.ExpiresAt.ToOffset(rules.Calendar.Offset)))));
            staff.Turn.Replies[^1].Attachments = [ImageAttachment.Png(issued.QrUrl, $"khao-sat-{issued.Code}.png")];
        });
    }

    private void AskRole(StaffTurn staff, string communeName) =>
        staff.Turn.Say(texts.Format("staff.cadre.role", ("communeName", communeName)), [.. Roles.Select(r => CardAction.ImBack(r.Label))], expectingInput: true);
}
