using Bot.Activities;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
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
/// gives the same invitation, and so does a role one person holds in a village (docs/decisions/025), said so.
/// </summary>
public sealed class CadreInvitationDialog(
    ScoringRules rules, InvitationRequestValidator validator, InvitationIssuer issuer, PublicOrigin origin, StaffTexts texts, BotTexts common)
    : PromptDialog<CadreInvitationFrame>(texts, common)
{
    private const int MaxText = 100;

    private IReadOnlyList<DialogOption> Roles => rules.CadreRoles;

    public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.InviteCadre];

    protected override string StoppedText => "staff.cadre.stopped";

    protected override IReadOnlyList<(StaffAwaiting Awaiting, PromptStep Handle)> Steps => [(StaffAwaiting.Role, OnRole), (StaffAwaiting.Village, OnVillage), (StaffAwaiting.Name, OnNameAsync)];

    public void Begin(StaffTurn staff, string communeText)
    {
        if (UnitLookup.Commune(staff, Texts, communeText, Texts.InviteCadre.Canonical) is not { } commune)
        {
            return;
        }
        staff.BeginDialogOverAWalk(new CadreInvitationFrame { CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year, Awaiting = StaffAwaiting.Role });
        AskRole(staff, commune.Name!);
    }

    private Task OnRole(StaffTurn staff, CadreInvitationFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var role = StaffChoices.Read(Texts, Roles, key);
        if (role is null)
        {
            staff.Turn.Say(StaffChoices.Again(Texts, Roles));
            AskRole(staff, progress.CommuneName);
            return Task.CompletedTask;
        }
        progress.Role = role.Code;
        progress.Awaiting = StaffAwaiting.Village;
        Ask(staff, progress);
        return Task.CompletedTask;
    }

    private Task OnVillage(StaffTurn staff, CadreInvitationFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var village = OneLine(text);
        if (village.Length is 0 or > MaxText || Common.Skip.Matches(key))
        {
            Ask(staff, progress);
            return Task.CompletedTask;
        }
        progress.Village = village;
        progress.Awaiting = StaffAwaiting.Name;
        Ask(staff, progress);
        return Task.CompletedTask;
    }

    protected override void Ask(StaffTurn staff, CadreInvitationFrame progress)
    {
        if (progress.Awaiting == StaffAwaiting.Village)
        {
            staff.Turn.Say(Texts.Text("staff.cadre.village"), expectingInput: true);
        }
        else if (progress.Awaiting == StaffAwaiting.Name)
        {
            staff.Turn.Say(Texts.Text("staff.cadre.name"), [CardAction.ImBack(Common["button.skip"])], expectingInput: true);
        }
        else
        {
            AskRole(staff, progress.CommuneName);
        }
    }

    private Task OnNameAsync(StaffTurn staff, CadreInvitationFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var name = Common.Skip.Matches(key) ? "" : OneLine(text);
        // Typed the other way round (the name where the village was asked, then "thôn Đông"): each goes where it
        // belongs, and the answer says both back, so the cadre is not offered "thôn Đông" as their own name.
        if (IsVillage(name) && !IsVillage(progress.Village!))
        {
            (progress.Village, name) = (name, progress.Village!);
        }
        return IssueAsync(staff, progress, name.Length > MaxText ? name[..MaxText] : name, cancellationToken);
    }

    private async Task IssueAsync(StaffTurn staff, CadreInvitationFrame progress, string name, CancellationToken cancellationToken)
    {
        var request = new InvitationRequest("cadre", progress.CommuneId, null, null, progress.Role!, progress.Village!, name.Length > 0 ? name : null);
        var (valid, problem) = await validator.ValidateAsync(request, "", cancellationToken);
        staff.EndDialog();
        if (problem is not null)
        {
            staff.Turn.Say(Texts.Format("staff.invite.refused", ("detail", Texts.FieldInWords(problem.Detail, problem.Field))));
            return;
        }
        var communeName = progress.CommuneName;
        // Issued after the turn's save, like every write a staff turn decides on.
        staff.Turn.AfterSave(async _ =>
        {
            var (issued, created, stored) = await issuer.IssueAsync(valid!, origin.Current ?? "");
            // Registered before (the same person, or a village's one holder of the role): the registration as it was made, and its code.
            staff.Turn.Say(Texts.Format(created ? "staff.cadre.made" : rules.IsOnePerVillage(stored.Role!) ? "staff.cadre.seatTaken" : "staff.cadre.again",
                ("role", rules.CadreRoleLabel(stored.Role!)), ("village", stored.Village), ("name", stored.Name is { Length: > 0 } held ? $" ({held})" : ""),
                ("communeName", communeName), ("code", issued.Code), ("url", issued.Url), ("expires", VietnameseFormat.Date(issued.ExpiresAt.ToOffset(rules.Calendar.Offset)))));
            staff.Turn.Replies[^1].Attachments = [ImageAttachment.Png(issued.QrUrl, $"khao-sat-{issued.Code}.png")];
        });
    }

    private bool IsVillage(string text) => Texts.Village.BeginsTyped(text);

    /// <summary>A village or a name as one line: the registration keeps one, and Enter pressed on a phone is not part of it.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', TextNormalizer.Nfc(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void AskRole(StaffTurn staff, string communeName) =>
        staff.Turn.Say(Texts.Format("staff.cadre.role", ("communeName", communeName)), [.. Roles.Select(r => CardAction.ImBack(r.Label))], expectingInput: true);
}
