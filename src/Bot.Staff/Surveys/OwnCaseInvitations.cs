using Bot.People;
using Bot.Surveys.Invitations;
using Bot.Turns;
using Scoring.Rules;

namespace Bot.Staff.Surveys;

/// <summary>
/// A commune's own staff typing (or sharing) the code of one of its cases' invitations: the form is
/// the citizen's to give, not the scored commune's, so no survey starts and the invitation stays
/// unused; they are asked to hand the code to the citizen. Other people's codes, and other
/// communes' cases, go on to the survey. First in the route table, so no dialog takes the code first.
/// </summary>
public sealed class OwnCaseInvitations(ScoringRules rules, InvitationCodes codes, InvitationStore invitations, TurnSenders senders, StaffTexts texts)
{
    // Only a message carrying a code is asked about, and looks anything up: one enrolment read (kept for the turn) and one invitation read.
    public void AddTo(RouteTable routes) => routes.OnMessage("staff/ownCaseInvitation", codes.CarriesCode, IsOwnCaseAsync, Decline);

    private async ValueTask<bool> IsOwnCaseAsync(TurnContext turn, CancellationToken cancellationToken) =>
        codes.InMessage(turn) is { } code
        && await senders.PersonAsync(turn) is { Role: StaffRole.Staff } person
        && (await invitations.FindAsync(InvitationCodes.StorageHash(code))).Invitation is { } invitation
        && invitation.Form == rules.CitizenForm
        && invitation.CommuneId == person.UnitId;

    private Task Decline(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Say(texts.Text("staff.invite.ownCase"));
        return Task.CompletedTask;
    }
}
