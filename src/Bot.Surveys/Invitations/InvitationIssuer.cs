using Bot.CoreClient;
using Scoring.Rules;

namespace Bot.Surveys.Invitations;

/// <summary>
/// Stores a checked invitation (once: the same code again returns what is stored) and gives what the
/// caller prints; a cadre's first finds or makes the registration its code and reference come from.
/// </summary>
public sealed class InvitationIssuer(InvitationStore store, InvitationCodes codes, ScoringCoreClient core)
{
    /// <param name="issuedBy">Who asks for a case's invitation (<see cref="InvitationIssuers"/>), kept on it; a cadre's has none.</param>
    public async Task<(InvitationIssued Issued, bool Created, Invitation Stored)> IssueAsync(ValidInvitation valid, string origin, string? issuedBy = null)
    {
        var (code, stored, created) = await StoreAsync(valid, issuedBy);
        return (Issued(origin, code, stored), created, stored);
    }

    /// <summary>
    /// The one-stop software's request. A case the desk invited first is in the software's records, so it is the
    /// software's from now on: the scoring core is told first (the case's form may be there already, or on its way),
    /// then the invitation is marked, so a failure in between is mended by the software's retry. Null when the core
    /// did not answer: nothing was marked, and the software is asked to try again.
    /// </summary>
    public async Task<(InvitationIssued Issued, bool Created)?> IssueForSoftwareAsync(ValidInvitation valid, string origin, CancellationToken cancellationToken)
    {
        var (code, stored, created) = await StoreAsync(valid, InvitationIssuers.Software);
        if (stored.IssuedBy == InvitationIssuers.Desk)
        {
            if (!(await core.MarkSoftwareCaseAsync(stored.CommuneId, stored.Year, stored.Reference, cancellationToken)).Ok)
            {
                return null;
            }
            await store.MarkSoftwareAsync(code, stored);
        }
        return (Issued(origin, code, stored), created);
    }

    private async Task<(string Code, Invitation Stored, bool Created)> StoreAsync(ValidInvitation valid, string? issuedBy)
    {
        var (code, invitation) = valid.CadreIdentity is { } identity
            ? await RegisteredAsync(identity, valid.Invitation)
            : (valid.Code!, valid.Invitation with { IssuedBy = issuedBy });
        var (stored, created) = await store.CreateAsync(code, invitation);
        return (code, stored, created);
    }

    private InvitationIssued Issued(string origin, string code, Invitation stored)
    {
        var url = codes.PageUrl(origin, code);
        return new InvitationIssued(code, url, url + "/qr.png", stored.ExpiresAt);
    }

    /// <summary>A cadre's registration (the first one made for this identity) gives the reference and the code.</summary>
    private async Task<(string Code, Invitation Invitation)> RegisteredAsync(string identity, Invitation invitation)
    {
        var registration = await store.RegistrationIdAsync(identity);
        return (codes.ForRegistration(registration), invitation with { Reference = InvitationCodes.RegistrationPrefix + registration });
    }
}
